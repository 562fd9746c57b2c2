using CartRecovery.Connectors.WooCommerce.Api;
using CartRecovery.Connectors.WooCommerce.Capture;
using CartRecovery.Connectors.WooCommerce.Connect;
using CartRecovery.Connectors.WooCommerce.CrossSell;
using CartRecovery.Connectors.WooCommerce.Offers;
using CartRecovery.Connectors.WooCommerce.Orders;
using CartRecovery.Connectors.WooCommerce.Webhooks;
using CartRecovery.Core.CrossSell;
using CartRecovery.Core.FeedHealth;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CartRecovery.Connectors.WooCommerce;

public static class WooCommerceServiceCollectionExtensions
{
    /// <summary>The longest wait between attempts, even when the shop's <c>Retry-After</c> asks for more.</summary>
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Registers the WooCommerce connector: options (section <c>WooCommerce</c>), the REST client's HTTP pipeline, the
    /// storefront, poller, webhook handler and store connector, and what its endpoints
    /// (<see cref="WooCommerceConnectorEndpoints.MapWooCommerceConnector"/>) use, with the capture and connect rate limits.
    /// Needs from the host: <see cref="Core.Recovery.CartIngestion"/>, <see cref="Core.Recovery.RecoveryOptions"/>,
    /// the store repository, credential and connector-state stores, and for the connect pages the account and pending-connection
    /// repositories, <see cref="Core.Outbound.OutboundOptions"/>, <see cref="Core.Accounts.IPersonSignIn"/> and antiforgery.
    /// </summary>
    public static IServiceCollection AddWooCommerceConnector(this IServiceCollection services)
    {
        services.AddOptions<WooCommerceOptions>().BindConfiguration(WooCommerceOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.RequestTimeout > TimeSpan.Zero && o.RequestTimeout <= TimeSpan.FromMinutes(10), "WooCommerce:RequestTimeout must be between 0 and 10 minutes")
            .Validate(o => o.RetryBaseDelay >= TimeSpan.Zero, "WooCommerce:RetryBaseDelay must not be negative")
            .Validate(o => o.InitialLookback > TimeSpan.Zero, "WooCommerce:InitialLookback must be positive")
            .Validate(o => o.ApiBaseUrlOverride is null || o.ApiBaseUrlOverride.IsAbsoluteUri, "WooCommerce:ApiBaseUrlOverride must be an absolute URL")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookSigners>();

        services.AddTransient<WooCommerceAuthHandler>();
        var http = services.AddHttpClient(WooCommerceClient.HttpClientName, static (sp, client) =>
        {
            // Each attempt has its own timeout inside the pipeline; this outer bound also covers reading the body.
            var options = sp.GetRequiredService<IOptions<WooCommerceOptions>>().Value;
            client.Timeout = options.RequestTimeout * (options.MaxRetries + 1) + MaxRetryDelay * options.MaxRetries + TimeSpan.FromSeconds(10);
        });
        http.AddResilienceHandler("woocommerce", static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<WooCommerceOptions>>().Value;
            // Waits between attempts are real network waits: a test's fake clock must not freeze them.
            pipeline.TimeProvider = TimeProvider.System;
            if (options.MaxRetries > 0)
            {
                var retry = new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    Delay = options.RetryBaseDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                    MaxDelay = MaxRetryDelay,
                };
                // A POST that timed out may have created its coupon or webhook: it is never retried blindly.
                retry.DisableForUnsafeHttpMethods();
                pipeline.AddRetry(retry);
            }
            pipeline.AddTimeout(options.RequestTimeout);
        });
        // Added after the resilience handler, so it runs inside it: each attempt is signed anew (fresh OAuth nonce).
        http.AddHttpMessageHandler<WooCommerceAuthHandler>();

        services.AddSingleton<WooCommerceClient>();
        services.AddSingleton<WooCommerceStoreConnections>();
        services.AddSingleton<WooCommerceWebhookRegistrar>();
        services.AddSingleton<IWebhookSubscriptions, WooCommerceWebhookSubscriptions>();
        services.AddHttpClient(WooCommerceCaptureScriptCheck.HttpClientName, static client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<ICaptureScriptCheck, WooCommerceCaptureScriptCheck>();
        services.AddSingleton<WooCommerceConnectFlow>();
        services.AddSingleton<IStoreConnector, WooCommerceStoreConnector>();
        services.AddSingleton(sp => new WooCommerceKeyAuthorization(sp.GetRequiredService<WooCommerceConnectFlow>()));
        services.AddSingleton<WooCommerceOrderIngestion>();
        services.AddSingleton<WooCommerceCapture>();
        services.AddSingleton<WooCommerceExitQuestion>();
        services.AddSingleton<IExitQuestion>(sp => sp.GetRequiredService<WooCommerceExitQuestion>());
        services.AddSingleton<WooCommerceStorefront>();
        services.AddSingleton<WooCommercePoller>();
        services.AddSingleton<WooCommerceWebhookHandler>();
        services.AddSingleton<IStorefront>(sp => sp.GetRequiredService<WooCommerceStorefront>());
        services.AddSingleton<IRelatedProductSource, WooCommerceRelatedProducts>();
        services.AddSingleton<IStorePoller>(sp => sp.GetRequiredService<WooCommercePoller>());
        services.AddSingleton<IWebhookHandler>(sp => sp.GetRequiredService<WooCommerceWebhookHandler>());
        services.AddSingleton<WooCommerceConnectOwner>();
        services.AddCaptureRateLimit();
        services.AddWooCommerceConnectRateLimit();
        return services;
    }
}
