namespace CartRecovery.Sms;

/// <summary>The deployment's SMS channel (section <c>Sms</c>); each store turns texts on in its own SMS settings.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";
    public const string PickupTransport = "pickup";
    public const string TwilioTransport = "twilio";

    /// <summary><c>pickup</c> (the default: texts are written as <c>.sms.json</c> files) or <c>twilio</c> (section <c>Twilio</c>).</summary>
    public string Transport { get; set; } = PickupTransport;

    /// <summary>Where the pickup transport writes; empty: the email pickup folder (<c>Email:PickupDirectory</c>), so the demo shows both.</summary>
    public string PickupDirectory { get; set; } = "";

    /// <summary>The provider's price of one part, in minor units of <see cref="PriceCurrency"/> (fractions allowed): previews estimate costs with it.</summary>
    public decimal PricePerPartMinor { get; set; } = 8m;

    public string PriceCurrency { get; set; } = "EUR";
}
