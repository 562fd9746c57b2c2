using CartRecovery.Core.Email;
using CartRecovery.Email.Pickup;
using CartRecovery.Email.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Liquid composer and the configured transport (section <c>Email</c>). Options are validated and
    /// templates parsed while the host starts, so an unknown transport or a broken template stops the app at boot.
    /// </summary>
    public static IServiceCollection AddCartRecoveryEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(_ => TemplateCatalog.FromEmbeddedResources());
        services.AddSingleton<IEmailComposer, FluidEmailComposer>();
        services.AddHostedService<EmailStartupCheck>();

        // Only the pickup folder exists so far; the validator rejects every other Email:Transport value.
        services.AddSingleton<IEmailTransport, PickupFolderTransport>();
        return services;
    }
}
