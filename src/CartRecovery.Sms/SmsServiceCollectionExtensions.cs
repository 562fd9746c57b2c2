using CartRecovery.Core.Sms;
using CartRecovery.Sms.Twilio;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CartRecovery.Sms;

/// <summary>The SMS channel's services; the host calls <see cref="AddSms"/>, then <see cref="SmsEndpoints.MapSms"/>.</summary>
public static class SmsServiceCollectionExtensions
{
    /// <summary>
    /// Twilio's account settings (optional: a deployment without an auth token answers Twilio's callbacks with 404), the
    /// opt-out use case and the status reports.
    /// </summary>
    public static IServiceCollection AddSms(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section);
        services.TryAddSingleton<SmsOptOuts>();
        services.TryAddSingleton<SmsStatusReports>();
        return services;
    }
}
