using CartRecovery.Sms.Twilio;
using Microsoft.Extensions.Options;

namespace CartRecovery.Sms;

/// <summary>Fails the start when <c>Sms</c> (or, with Twilio chosen, <c>Twilio</c>) is unusable, naming the key.</summary>
internal sealed class SmsOptionsValidator(IOptions<TwilioOptions> twilio) : IValidateOptions<SmsOptions>
{
    public ValidateOptionsResult Validate(string? name, SmsOptions options)
    {
        var failures = new List<string>();
        var transport = options.Transport?.Trim() ?? "";
        if (!string.Equals(transport, SmsOptions.PickupTransport, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(transport, SmsOptions.TwilioTransport, StringComparison.OrdinalIgnoreCase))
            failures.Add($"Sms:Transport must be {SmsOptions.PickupTransport} or {SmsOptions.TwilioTransport} (was '{options.Transport}')");
        if (options.PricePerPartMinor < 0)
            failures.Add("Sms:PricePerPartMinor must be 0 or more");
        if (options.PriceCurrency is not { Length: 3 } currency || !currency.All(char.IsAsciiLetterUpper))
            failures.Add("Sms:PriceCurrency must be an ISO 4217 code such as EUR");
        if (string.Equals(transport, SmsOptions.TwilioTransport, StringComparison.OrdinalIgnoreCase))
        {
            var account = twilio.Value;
            if (!account.AccountSid.StartsWith("AC", StringComparison.Ordinal) || account.AccountSid.Length != 34)
                failures.Add("Twilio:AccountSid must be your account SID (AC followed by 32 characters) when Sms:Transport is twilio");
            if (string.IsNullOrWhiteSpace(account.AuthToken))
                failures.Add("Twilio:AuthToken is required when Sms:Transport is twilio (set it in an environment variable, Twilio__AuthToken)");
            if (account.StatusCallbackUrl is not { IsAbsoluteUri: true })
                failures.Add("Twilio:StatusCallbackUrl must be the absolute public URL Twilio posts delivery reports to when Sms:Transport is twilio");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
