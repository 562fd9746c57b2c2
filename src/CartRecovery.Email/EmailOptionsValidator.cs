using Microsoft.Extensions.Options;

namespace CartRecovery.Email;

/// <summary>Names the configuration key in every failure, so a bad setting is fixed from the startup error alone.</summary>
internal sealed class EmailOptionsValidator(IEnumerable<EmailTransportRegistration> transports) : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var supported = transports.Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var failures = new List<string>();
        if (!supported.Contains(options.Transport, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{EmailOptions.Section}:{nameof(EmailOptions.Transport)} is '{options.Transport}'; "
                         + $"supported values: {string.Join(", ", supported)}.");
        }
        else if (string.Equals(options.Transport, EmailOptions.PickupTransport, StringComparison.OrdinalIgnoreCase)
                 && string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            failures.Add($"{EmailOptions.Section}:{nameof(EmailOptions.PickupDirectory)} must name a directory when "
                         + $"{EmailOptions.Section}:{nameof(EmailOptions.Transport)} is '{EmailOptions.PickupTransport}'.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
