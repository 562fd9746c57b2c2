namespace CartRecovery.Email.Smtp;

/// <summary>The SMTP relay used when <c>Email:Transport</c> is <c>smtp</c> (section <c>Smtp</c>).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>Plain connection, upgraded with STARTTLS before anything is sent (submission port 587).</summary>
    public const string StartTls = "StartTls";

    /// <summary>TLS from the first byte (implicit TLS, port 465).</summary>
    public const string SslOnConnect = "SslOnConnect";

    /// <summary>No TLS at all: only for a relay on this machine, or with <see cref="AllowInsecure"/>.</summary>
    public const string None = "None";

    /// <summary>The accepted <see cref="Security"/> values, compared ignoring case.</summary>
    public static IReadOnlyList<string> SecurityModes { get; } = [StartTls, SslOnConnect, None];

    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    public string Security { get; set; } = StartTls;

    /// <summary>Allows <see cref="None"/> towards a host that is not loopback: credentials and mail then cross the network in clear.</summary>
    public bool AllowInsecure { get; set; }

    /// <summary>Empty: the relay is used without authentication.</summary>
    public string Username { get; set; } = "";

    /// <summary>A secret: set it through the environment (<c>Smtp__Password</c>) or user secrets, never a committed file.</summary>
    public string Password { get; set; } = "";

    /// <summary>How long one send (connect, authenticate, deliver) may take before it counts as a transient failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
