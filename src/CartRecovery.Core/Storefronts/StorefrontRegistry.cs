namespace CartRecovery.Core.Storefronts;

/// <summary>Finds the connector of a platform.</summary>
public sealed class StorefrontRegistry
{
    private readonly Dictionary<string, IStorefront> _byPlatform;

    public StorefrontRegistry(IEnumerable<IStorefront> storefronts)
    {
        ArgumentNullException.ThrowIfNull(storefronts);
        _byPlatform = storefronts.ToDictionary(s => s.Platform, StringComparer.OrdinalIgnoreCase);
    }

    public IStorefront For(string platform) =>
        _byPlatform.TryGetValue(platform, out var storefront)
            ? storefront
            : throw new InvalidOperationException($"No connector is registered for platform '{platform}'.");
}
