namespace CartRecovery.Connectors.Demo;

/// <summary>The demo store (section <c>Demo</c>): a small shop that produces realistic carts on its own.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Creates the demo store and lets it produce carts. The README's first command turns this on.</summary>
    public bool Enabled { get; set; }

    /// <summary>A new shopper arrives this often.</summary>
    public TimeSpan NewShopperEvery { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The demo stops producing shoppers after this many, so a forgotten demo does not grow forever.</summary>
    public int MaxShoppers { get; set; } = 500;

    /// <summary>Seed of the shoppers' random choices; the same seed plays the same shop.</summary>
    public int? Seed { get; set; }
}
