using CartRecovery.Core.Sms;
using CartRecovery.Web.Features.Sms;

namespace CartRecovery.Web.Pages.Settings;

/// <summary>The settings page's SMS form: the API's <see cref="SmsSettingsDto"/> as fields a browser posts.</summary>
public sealed class SmsForm
{
    public bool Enabled { get; set; }
    public string? Consent { get; set; }
    public string? Opens { get; set; }
    public string? Closes { get; set; }
    public int? MaxParts { get; set; }
    public string? MessagingServiceSid { get; set; }
    public string? FromNumber { get; set; }
    public string? Country { get; set; }

    internal static SmsForm From(SmsSettings settings)
    {
        var dto = SmsSettingsDto.From(settings);
        return new()
        {
            Enabled = settings.Enabled, Consent = dto.Consent, Opens = dto.Window?.Opens, Closes = dto.Window?.Closes, MaxParts = dto.MaxParts,
            MessagingServiceSid = dto.MessagingServiceSid, FromNumber = dto.FromNumber, Country = dto.Country,
        };
    }

    internal SmsSettingsDto ToDto() =>
        new(Enabled, Country, Consent, new SmsWindowDto(Opens, Closes), MaxParts, MessagingServiceSid, FromNumber);

    /// <summary>The API's field names the form's fields report under (a value the browser could not bind is as wrong).</summary>
    internal static string FieldOf(string property) => property switch
    {
        nameof(MaxParts) => "maxParts",
        _ => property,
    };
}
