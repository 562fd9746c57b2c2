using CartRecovery.Sms.Twilio;
using Microsoft.AspNetCore.Routing;

namespace CartRecovery.Sms;

/// <summary>The SMS channel's HTTP surface, one call in the host.</summary>
public static class SmsEndpoints
{
    /// <summary>Twilio's incoming-message webhook (STOP/START) and status callback.</summary>
    public static IEndpointRouteBuilder MapSms(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapTwilioSms();
    }
}
