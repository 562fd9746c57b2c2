using System.Text.RegularExpressions;
using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Connectors.Shopify.Auth;
using CartRecovery.Connectors.Shopify.Billing;
using CartRecovery.Connectors.Shopify.Checkouts;
using CartRecovery.Connectors.Shopify.CrossSell;
using CartRecovery.Connectors.Shopify.Embedded;
using CartRecovery.Connectors.Shopify.Offers;
using CartRecovery.Connectors.Shopify.Webhooks;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Billing;
using CartRecovery.Core.CrossSell;
using CartRecovery.Core.FeedHealth;
using CartRecovery.Core.Pages;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

namespace CartRecovery.Connectors.Shopify;

public static partial class ShopifyServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Shopify connector: options (section <c>Shopify</c>), its HTTP clients, its storefront, poller,
    /// webhook handler, related products (Storefront API), store connector, embedded sign-in and embedded admin (<see cref="EmbeddedAdmin"/>), and what its endpoints (<see cref="ShopifyConnectorEndpoints.MapShopifyConnector"/>) use. Needs the Core ports from the host (ICartRepository, IStoreRepository, IStoreCredentialRepository,
    /// IConnectorStateRepository, IPrivacyRepository, IAccountRepository, CartIngestion, StoreLifecycle, RecoveryOptions).
    /// </summary>
    public static IServiceCollection AddShopifyConnector(this IServiceCollection services)
    {
        services.AddOptions<ShopifyOptions>().BindConfiguration(ShopifyOptions.Section)
            .Validate(o => ApiVersionFormat().IsMatch(o.ApiVersion ?? ""), "Shopify:ApiVersion must be a release such as 2026-10 (YYYY-01/04/07/10) or 'unstable'.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Scopes), "Shopify:Scopes must list the access scopes the app requests.")
            .Validate(o => o.ApiBaseUrl is null || (o.ApiBaseUrl.IsAbsoluteUri && o.ApiBaseUrl.Scheme is "http" or "https"),
                "Shopify:ApiBaseUrl must be an absolute http(s) URL when set.")
            .Validate(o => o.InstallTimestampTolerance > TimeSpan.Zero, "Shopify:InstallTimestampTolerance must be positive.")
            .Validate(o => o.RefreshAheadOf >= TimeSpan.Zero, "Shopify:RefreshAheadOf must not be negative.")
            .Validate(o => o.PollPageSize is > 0 and <= 250, "Shopify:PollPageSize must be between 1 and 250.")
            .Validate(o => o.PollMaxPages > 0, "Shopify:PollMaxPages must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookSigners>();

        // GraphQL goes through ShopifyAdminClient's own retry rules (queries only, throttle-aware); a generic retry
        // handler would replay mutations and could create a second discount. The clients live in singletons, so
        // connections are recycled by the pooled handler rather than by handler rotation. UseSocketsHttpHandler
        // configures the host's handler (which guards outbound connections) instead of replacing it.
        services.AddHttpClient<ShopifyAdminClient>(http => http.Timeout = TimeSpan.FromSeconds(100))
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        // Token requests are POSTs that must not be replayed blindly (a code works once): the standard handler gives them
        // timeouts and a circuit breaker, with retries switched off for unsafe methods.
        services.AddHttpClient<ShopifyOAuthClient>()
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler(options =>
            {
                options.Retry.DisableForUnsafeHttpMethods();
                options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
            });

        services.AddSingleton<ShopifyTokenProvider>();
        services.AddSingleton<ShopifyStoreApi>();
        services.AddSingleton<ShopifyWebhookRegistrar>();
        services.AddSingleton<IWebhookSubscriptions, ShopifyWebhookSubscriptions>();
        services.AddSingleton<ShopifyStoreRegistration>();
        services.AddSingleton<ShopifyInstallFlow>();
        services.AddSingleton<ShopifyOnboarding>();
        services.AddSingleton<IStoreConnector, ShopifyStoreConnector>();
        services.AddSingleton<ShopifySessionTokenVerifier>();
        services.AddSingleton<ShopifyManagedInstall>();
        services.AddSingleton<IEmbeddedSignIn, ShopifyEmbeddedSignIn>();
        services.AddSingleton<EmbeddedAdmin, ShopifyEmbeddedAdmin>();
        services.AddSingleton<ShopifyCartReporter>();
        services.AddSingleton<ShopifyImageEnricher>();
        services.AddSingleton<ShopifyStorefront>();
        services.AddSingleton<ShopifyPoller>();
        services.AddSingleton<ShopifyWebhookHandler>();
        services.AddSingleton<IStorefront>(sp => sp.GetRequiredService<ShopifyStorefront>());
        services.AddSingleton<IStorePoller>(sp => sp.GetRequiredService<ShopifyPoller>());
        services.AddSingleton<IWebhookHandler>(sp => sp.GetRequiredService<ShopifyWebhookHandler>());
        services.AddSingleton<ShopifyBilling>();
        services.AddSingleton<IPlatformBilling>(sp => sp.GetRequiredService<ShopifyBilling>());
        services.AddSingleton<ShopifyStorefrontTokens>();
        services.AddSingleton<IRelatedProductSource, ShopifyRelatedProducts>();
        return services;
    }

    [GeneratedRegex(@"^(\d{4}-(01|04|07|10)|unstable)\z", RegexOptions.CultureInvariant)]
    private static partial Regex ApiVersionFormat();
}
