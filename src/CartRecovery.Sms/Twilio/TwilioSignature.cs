using global::Twilio.Security;

namespace CartRecovery.Sms.Twilio;

/// <summary>
/// Checks <c>X-Twilio-Signature</c> on Twilio's callbacks (status, inbound): HMAC-SHA1 with the auth token over the full
/// URL Twilio called followed by each form parameter's name and value, sorted by name
/// (https://www.twilio.com/docs/usage/security#validating-requests). A missing or forged signature is refused.
/// </summary>
public static class TwilioSignature
{
    public static bool IsValid(string authToken, Uri url, IEnumerable<KeyValuePair<string, string>> form, string? signature)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(form);
        if (string.IsNullOrEmpty(signature))
            return false;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in form)
            parameters[name] = value;
        return new RequestValidator(authToken).Validate(url.AbsoluteUri, parameters, signature);
    }
}
