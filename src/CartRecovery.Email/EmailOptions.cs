namespace CartRecovery.Email;

/// <summary>How emails leave the app (section <c>Email</c>).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Writes each email as an .eml file: the zero-setup default.</summary>
    public const string PickupTransport = "pickup";

    /// <summary>The transports this build can use; anything else fails at startup.</summary>
    public static IReadOnlyList<string> SupportedTransports { get; } = [PickupTransport];

    public string Transport { get; set; } = PickupTransport;

    /// <summary>Where the pickup transport writes; a relative path is resolved against the current directory.</summary>
    public string PickupDirectory { get; set; } = "data/pickup";
}
