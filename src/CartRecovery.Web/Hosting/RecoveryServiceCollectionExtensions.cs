using CartRecovery.Core.Billing;
using CartRecovery.Core.CrossSell;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Restore;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Suppression;
using CartRecovery.Core.Webhooks;
using CartRecovery.Data;
using CartRecovery.Data.Schema;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Hosting;

internal static class RecoveryServiceCollectionExtensions
{
    /// <summary>The recovery engine of Core: options, link signing, and the services connectors and jobs call.</summary>
    public static IServiceCollection AddRecoveryEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RecoveryOptions>().BindConfiguration(RecoveryOptions.Section)
            .Validate(o => o.PublicBaseUrl.IsAbsoluteUri, "Recovery:PublicBaseUrl must be an absolute URL")
            .Validate(o => o.MaxAttempts >= 1 && o.DispatchBatchSize >= 1, "Recovery:MaxAttempts and Recovery:DispatchBatchSize must be at least 1")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RecoveryOptions>>().Value);
        services.AddOptions<LinkOptions>().BindConfiguration(LinkOptions.Section);
        services.AddSingleton(sp => new LinkTokenSigner(SigningKey(
            sp.GetRequiredService<IOptions<LinkOptions>>().Value,
            sp.GetRequiredService<IOptions<StorageOptions>>().Value)));
        services.AddSingleton<LinkBuilder>();
        services.AddSingleton(sp => new ShortLinkSigner(SigningKey(
            sp.GetRequiredService<IOptions<LinkOptions>>().Value,
            sp.GetRequiredService<IOptions<StorageOptions>>().Value)));
        services.AddSingleton<ShortLinks>();
        services.AddSingleton<StorefrontRegistry>();
        services.AddOptions<BillingOptions>().BindConfiguration(BillingOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BillingOptions>, BillingOptionsValidator>());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<BillingOptions>>().Value);
        services.AddSingleton<PlanGate>();
        services.AddSingleton<UsageStatements>();
        services.AddSingleton<PlanSubscriptions>();
        services.AddSingleton<SendingRules>();
        services.AddSingleton<RelatedProducts>(sp => new(sp.GetServices<IRelatedProductSource>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CartIngestion>();
        services.AddSingleton<SequenceEnrolment>();
        services.AddSingleton<SequenceLift>();
        services.AddSingleton<SequenceReachCheck>();
        services.AddSingleton<AbandonmentDetector>();
        services.AddSingleton<SmsSending>();
        services.AddSingleton<MessageDispatcher>();
        services.AddSingleton<LinkService>();
        services.AddSingleton<ReasonAnswering>();
        services.AddSingleton<ReasonCapture>();
        services.AddSingleton<OptOut>();
        services.AddSingleton<WebhookProcessor>();
        services.AddSingleton<DataErasure>();
        services.AddSingleton<SequenceStop>();
        services.AddSingleton<StoreLifecycle>();
        services.TryAddSingleton<WebhookSigners>();
        services.AddSingleton<StartupTasks>();
        services.AddSingleton<ISchemaExtension, QuartzSchemaExtension>();
        return services;
    }


    private static byte[] SigningKey(LinkOptions links, StorageOptions storage)
    {
        if (string.IsNullOrWhiteSpace(links.SigningKey))
            return LocalSecrets.GetOrCreate(storage.DataDirectory, "link-signing-key");
        try
        {
            var key = Convert.FromBase64String(links.SigningKey);
            return key.Length >= 32 ? key : throw new InvalidOperationException("Links:SigningKey must decode to at least 32 bytes.");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Links:SigningKey must be base64 (e.g. `openssl rand -base64 32`).");
        }
    }
}
