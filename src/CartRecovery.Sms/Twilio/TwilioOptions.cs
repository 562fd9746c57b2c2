using System.ComponentModel.DataAnnotations;

namespace CartRecovery.Sms.Twilio;

/// <summary>The deployment's Twilio account; each store picks its own sender (<see cref="Core.Sms.SmsSettings"/>).</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    /// <summary>Account SID (<c>AC…</c>).</summary>
    [Required] public string AccountSid { get; init; } = "";

    /// <summary>Auth token: authenticates our requests and signs Twilio's callbacks (<c>X-Twilio-Signature</c>).</summary>
    [Required] public string AuthToken { get; init; } = "";

    /// <summary>Where Twilio's REST API is; tests point this at the loopback emulator.</summary>
    public Uri BaseUrl { get; init; } = new("https://api.twilio.com/");

    /// <summary>
    /// Our public status-callback URL as Twilio will call it (behind a proxy, the public one: it is signed). Required when
    /// Twilio is the chosen transport (<see cref="SmsOptionsValidator"/>).
    /// </summary>
    public Uri? StatusCallbackUrl { get; init; }
}
