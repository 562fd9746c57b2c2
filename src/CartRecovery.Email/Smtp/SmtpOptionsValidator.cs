using System.Net;
using Microsoft.Extensions.Options;

namespace CartRecovery.Email.Smtp;

/// <summary>
/// Checks the <c>Smtp</c> section, naming the key in every failure, but only when SMTP is the chosen transport: a
/// pickup or Postmark deployment must not fail at boot over a section it never reads.
/// </summary>
internal sealed class SmtpOptionsValidator(IOptions<EmailOptions> email) : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!SmtpIsChosen())
            return ValidateOptionsResult.Skip;

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
            failures.Add($"{Key(nameof(SmtpOptions.Host))} is required when {EmailOptions.Section}:{nameof(EmailOptions.Transport)} is '{EmailOptions.SmtpTransport}'.");
        if (options.Port is < 1 or > 65535)
            failures.Add($"{Key(nameof(SmtpOptions.Port))} is {options.Port}; it must be between 1 and 65535.");
        if (!SmtpOptions.SecurityModes.Contains(options.Security, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{Key(nameof(SmtpOptions.Security))} is '{options.Security}'; supported values: {string.Join(", ", SmtpOptions.SecurityModes)}.");
        }
        else if (string.Equals(options.Security, SmtpOptions.None, StringComparison.OrdinalIgnoreCase)
                 && !options.AllowInsecure && !string.IsNullOrWhiteSpace(options.Host) && !IsLoopback(options.Host))
        {
            failures.Add($"{Key(nameof(SmtpOptions.Security))} is '{SmtpOptions.None}' for '{options.Host}', which is not this machine: "
                         + $"mail and passwords would cross the network in clear. Use '{SmtpOptions.StartTls}' or '{SmtpOptions.SslOnConnect}', "
                         + $"or set {Key(nameof(SmtpOptions.AllowInsecure))} to true.");
        }
        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
            failures.Add($"{Key(nameof(SmtpOptions.Username))} and {Key(nameof(SmtpOptions.Password))} must be set together (or both left empty).");
        if (options.Timeout <= TimeSpan.Zero || options.Timeout.TotalMilliseconds > int.MaxValue)
            failures.Add($"{Key(nameof(SmtpOptions.Timeout))} is {options.Timeout}; it must be positive.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>True for <c>localhost</c> and loopback addresses, where traffic never leaves the machine.</summary>
    internal static bool IsLoopback(string host)
    {
        var trimmed = host.Trim().Trim('[', ']');
        return string.Equals(trimmed, "localhost", StringComparison.OrdinalIgnoreCase)
               || (IPAddress.TryParse(trimmed, out var address) && IPAddress.IsLoopback(address));
    }

    private bool SmtpIsChosen()
    {
        try
        {
            return string.Equals(email.Value.Transport, EmailOptions.SmtpTransport, StringComparison.OrdinalIgnoreCase);
        }
        catch (OptionsValidationException)
        {
            // The Email section is itself invalid and its own validator reports that; repeating it here would only
            // turn one clear startup error into an aggregate of two.
            return false;
        }
    }

    private static string Key(string property) => $"{SmtpOptions.Section}:{property}";
}
