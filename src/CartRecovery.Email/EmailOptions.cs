namespace CartRecovery.Email;

/// <summary>How emails leave the app (section <c>Email</c>).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>Writes each email as an .eml file: the zero-setup default.</summary>
    public const string PickupTransport = "pickup";

    /// <summary>Hands each email to an SMTP relay configured in section <c>Smtp</c>.</summary>
    public const string SmtpTransport = "smtp";

    /// <summary>
    /// The name of a transport registered with <see cref="EmailServiceCollectionExtensions.AddEmailTransport"/>
    /// (<see cref="PickupTransport"/>, <see cref="SmtpTransport"/>, or one another project adds); anything else fails at startup.
    /// </summary>
    public string Transport { get; set; } = PickupTransport;

    /// <summary>Where the pickup transport writes; a relative path is resolved against the current directory.</summary>
    public string PickupDirectory { get; set; } = "data/pickup";
}
