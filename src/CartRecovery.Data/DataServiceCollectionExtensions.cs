using CartRecovery.Core.Accounts;
using CartRecovery.Core.Billing;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.FeedHealth;
using CartRecovery.Core.Jobs;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Suppression;
using CartRecovery.Core.Tasks;
using CartRecovery.Data.Billing;
using CartRecovery.Data.Accounts;
using CartRecovery.Data.Carts;
using CartRecovery.Data.Connectors;
using CartRecovery.Data.Privacy;
using CartRecovery.Data.Reasons;
using CartRecovery.Data.Webhooks;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using CartRecovery.Data.FeedHealth;
using CartRecovery.Data.Jobs;
using CartRecovery.Data.Messages;
using CartRecovery.Data.Metrics;
using CartRecovery.Data.Schema;
using CartRecovery.Data.Sequences;
using CartRecovery.Data.Sms;
using CartRecovery.Data.Stores;
using CartRecovery.Data.Suppression;
using CartRecovery.Data.Tasks;
using CartRecovery.Data.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers storage from the <c>Storage</c> section: the dialect and connection factory of
    /// <c>Storage:Provider</c>, the <see cref="DatabaseMigrator"/> and every Core store port. Requires
    /// <c>IConfiguration</c> in the container (any host provides it).
    /// </summary>
    public static IServiceCollection AddCartRecoveryData(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        services.AddSingleton<SqlDialect>(sp =>
        {
            // Validation reports a bad provider at start; this guards hosts that resolve before validating.
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.ProviderName switch
            {
                StorageOptions.Sqlite => new SqliteDialect(),
                StorageOptions.Postgres => new PostgresDialect(),
                StorageOptions.SqlServer => new SqlServerDialect(),
                _ => throw new InvalidOperationException(options.Problem() ?? $"Storage:Provider '{options.Provider}' has no dialect."),
            };
        });
        services.AddSingleton(sp => sp.GetRequiredService<SqlDialect>()
            .CreateConnectionFactory(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ResolveConnectionString()));
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<GroupCommit>();

        services.AddSingleton<ICartRepository, CartRepository>();
        services.AddSingleton<IMessageRepository, MessageRepository>();
        services.AddSingleton<IStoreRepository, StoreRepository>();
        services.AddSingleton<ISuppressionList, SuppressionList>();
        services.AddSingleton<IFollowUpTaskRepository, FollowUpTaskRepository>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IMetricsQuery, MetricsQuery>();
        services.AddSingleton<IStoreCredentialRepository, StoreCredentialRepository>();
        services.AddSingleton<IConnectorStateRepository, ConnectorStateRepository>();
        services.AddSingleton<IWebhookInbox, WebhookInbox>();
        services.AddSingleton<IWebhookBacklog, WebhookBacklogQuery>();
        services.AddSingleton<IPrivacyRepository, PrivacyRepository>();
        services.AddSingleton<IPendingConnectionRepository, PendingConnectionRepository>();
        services.AddSingleton<ITemplateRepository, TemplateRepository>();
        services.AddSingleton<ISequenceRepository, SequenceRepository>();
        services.AddSingleton<ICustomerHistory, CustomerHistory>();
        services.AddSingleton<IJobRunRepository, JobRunRepository>();
        services.AddSingleton<ISubscriptionRepository, SubscriptionRepository>();
        services.AddSingleton<IMetricsRollup, MetricsRollup>();
        services.AddSingleton<IRetentionRepository, RetentionRepository>();
        services.AddSingleton<IStorePolicyRepository, StorePolicyRepository>();
        services.AddSingleton<ISmsSettingsRepository, SmsSettingsRepository>();
        services.AddSingleton<ISmsSuppressionList, SmsSuppressionList>();
        services.AddSingleton<IStoreActivity, StoreActivityQuery>();
        services.AddSingleton<IFeedActivity, FeedActivityQuery>();
        services.AddSingleton<IFeedAlarmRepository, FeedAlarmRepository>();
        services.AddSingleton<ISendLatencyQuery, SendLatencyQuery>();
        services.AddSingleton<IAccountRepository, AccountRepository>();
        services.AddSingleton<IApiKeyRepository, ApiKeyRepository>();
        services.AddSingleton<ISessionRepository, SessionRepository>();
        services.AddSingleton<ISignInLinkRepository, SignInLinkRepository>();
        services.AddSingleton<IInvitationRepository, InvitationRepository>();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton<ILeaveReasonRepository, LeaveReasonRepository>();
        return services;
    }
}
