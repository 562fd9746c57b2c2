using CartRecovery.Core.Email;
using CartRecovery.Email.Pickup;
using CartRecovery.Email.Preview;
using CartRecovery.Email.Smtp;
using CartRecovery.Email.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Liquid composer, the previewer and the transport named by <c>Email:Transport</c> (pickup or
    /// smtp here; other projects add theirs with <see cref="AddEmailTransport"/>). Options are validated and templates
    /// parsed while the host starts, so an unknown transport, a missing <c>Smtp:Host</c> or a broken template stops
    /// the app at boot.
    /// </summary>
    public static IServiceCollection AddCartRecoveryEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(_ => TemplateCatalog.FromEmbeddedResources());
        services.AddSingleton<IEmailComposer, FluidEmailComposer>();
        services.AddSingleton<EmailPreviewer>();
        services.AddHostedService<EmailStartupCheck>();

        services.AddEmailTransport(EmailOptions.PickupTransport, sp => ActivatorUtilities.CreateInstance<PickupFolderTransport>(sp));
        services.AddEmailTransport(EmailOptions.SmtpTransport, sp => ActivatorUtilities.CreateInstance<SmtpTransport>(sp));
        services.AddSingleton<IEmailTransport>(ChosenTransport);
        return services;
    }

    /// <summary>
    /// Makes <paramref name="name"/> a valid <c>Email:Transport</c> value, built by <paramref name="create"/> when
    /// chosen. Call it after <see cref="AddCartRecoveryEmail"/>; for a name registered twice the later one wins, so
    /// a host can swap a built-in transport.
    /// </summary>
    public static IServiceCollection AddEmailTransport(this IServiceCollection services, string name, Func<IServiceProvider, IEmailTransport> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        services.AddSingleton(new EmailTransportRegistration(name, create));
        return services;
    }

    private static IEmailTransport ChosenTransport(IServiceProvider services)
    {
        // Reading Value runs EmailOptionsValidator, so a name without a registration has already failed, naming the key.
        var name = services.GetRequiredService<IOptions<EmailOptions>>().Value.Transport;
        return services.GetServices<EmailTransportRegistration>()
            .Last(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase))
            .Create(services);
    }
}
