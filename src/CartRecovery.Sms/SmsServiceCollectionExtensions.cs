using CartRecovery.Core.Sms;
using CartRecovery.Email;
using CartRecovery.Sms.Pickup;
using CartRecovery.Sms.Preview;
using CartRecovery.Sms.Templates;
using CartRecovery.Sms.Twilio;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Sms;

/// <summary>The SMS channel's services; the host calls <see cref="AddSms"/>, then <see cref="SmsEndpoints.MapSms"/>.</summary>
public static class SmsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SMS channel: the Liquid composer and its previewer, the opt-out use case, the status reports, and the transport named by
    /// <c>Sms:Transport</c> (<c>pickup</c>, the default, or <c>twilio</c> with the <c>Twilio</c> section). Options are
    /// checked while the host starts, so a chosen Twilio without its account stops the app at boot, naming the key.
    /// The suppression list and the stores' SMS settings come from the data layer.
    /// </summary>
    public static IServiceCollection AddSms(this IServiceCollection services)
    {
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmsOptions>, SmsOptionsValidator>());
        // Not validated by annotations: the section is only required when Twilio is the chosen transport (SmsOptionsValidator).
        services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.Section);
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(_ => SmsTemplateCatalog.FromEmbeddedResources());
        services.AddSingleton<ISmsComposer, FluidSmsComposer>();
        services.AddSingleton<SmsPreviewer>();
        services.AddSingleton<SmsOptOuts>();
        services.AddSingleton<SmsStatusReports>();
        services.AddSingleton<ISmsTransport>(ChosenTransport);
        return services;
    }

    private static ISmsTransport ChosenTransport(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SmsOptions>>().Value;
        if (string.Equals(options.Transport.Trim(), SmsOptions.TwilioTransport, StringComparison.OrdinalIgnoreCase))
        {
            var twilio = services.GetRequiredService<IOptions<TwilioOptions>>().Value;
            return new TwilioSmsTransport(TwilioSmsTransport.CreateHttpClient(twilio), twilio);
        }
        var directory = string.IsNullOrWhiteSpace(options.PickupDirectory)
            ? services.GetRequiredService<IOptions<EmailOptions>>().Value.PickupDirectory
            : options.PickupDirectory;
        return new PickupSmsTransport(Path.GetFullPath(directory), services.GetRequiredService<TimeProvider>());
    }
}
