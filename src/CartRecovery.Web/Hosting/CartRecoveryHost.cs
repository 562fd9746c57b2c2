using CartRecovery.Connectors.Demo;
using CartRecovery.Connectors.Shopify;
using CartRecovery.Connectors.WooCommerce;
using CartRecovery.Data;
using CartRecovery.Email;
using CartRecovery.Email.Postmark;
using CartRecovery.Email.Postmark.Sending;
using CartRecovery.Jobs;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Auth;
using CartRecovery.Web.Features.Billing;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Capture;
using CartRecovery.Web.Features.Health;
using CartRecovery.Web.Features.Restore;
using CartRecovery.Web.Features.Shopify;
using CartRecovery.Web.Features.SignIn;
using CartRecovery.Web.Features.Stores;
using CartRecovery.Web.Features.Unsubscribe;
using CartRecovery.Web.Features.WooCommerce;
using CartRecovery.Web.Pages.AppShell;
using CartRecovery.Web.Features.Webhooks;
using Quartz;

namespace CartRecovery.Web.Hosting;

/// <summary>
/// The one composition of the app: the web host and the operator's command-line verbs build the same container
/// from here, so a verb sees exactly the stores, transports and job store the running app uses.
/// </summary>
internal static class CartRecoveryHost
{
    /// <param name="hostArgs">Configuration overrides (<c>--Section:Key=value</c>) and ASP.NET Core's own switches.</param>
    public static WebApplicationBuilder CreateBuilder(string[] hostArgs)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = hostArgs,
            // appsettings.json ships beside the binaries; relative data paths still start at the working directory.
            ContentRootPath = AppContext.BaseDirectory,
        });
        DemoMode.Apply(builder.Configuration);
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

        builder.Services.AddOutboundPolicy();
        builder.Services.AddWooCommerceConnectRateLimit();
        builder.Services
            .AddCartRecoveryData()
            .AddCartRecoveryEmail()
            .AddPostmarkEmail()
            .AddEmailTransport("postmark", sp => sp.GetRequiredService<PostmarkTransport>())
            .AddRecoveryEngine()
            .AddSecretProtection(builder.Configuration)
            .AddDemoConnector()
            .AddShopifyConnector()
            .AddWooCommerceConnector()
            .AddCaptureRateLimit()
            .AddCartRecoveryJobs(builder.Configuration, storage.ProviderName ?? storage.Provider, storage.ResolveConnectionString())
            .AddAdminApi()
            .AddCallerAuthentication()
            .AddShopifyEmbedded()
            .AddAccountSignIn()
            .AddApiReference()
            .AddHealth()
            .AddWebApp()
            .AddSingleton<StoreOnboarding>()
            .AddSingleton<WebhookIntake>()
            .Configure<PostmarkWebhookOptions>(builder.Configuration.GetSection(PostmarkWebhookOptions.Section))
            .AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return builder;
    }

    /// <summary>Migrates, seeds the demo store when asked, maps every endpoint and serves until stopped.</summary>
    public static async Task<int> RunAsync(string[] hostArgs)
    {
        var app = CreateBuilder(hostArgs).Build();

        var startup = app.Services.GetRequiredService<StartupTasks>();
        await startup.MigrateAsync(onlyWhenBehind: true, app.Lifetime.ApplicationStopping);
        await startup.SeedAsync(app.Lifetime.ApplicationStopping);

        // Security headers (CSP, framing, nosniff, referrer, HSTS) on every response, errors included: first in line.
        app.UseSecurityHeaders();

        // Requests that fail to bind (a non-numeric id, an oversized body, an unknown charset) are the client's fault: 4xx, not 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = RequestFailures.StatusCodeFor });
        app.UseStatusCodePages();
        app.UseWebApp();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseApiCallerGate();
        app.UseAuthorization();
        app.MapHealth();
        app.MapAdminApi();
        app.MapApiReference();
        app.MapRestoreLinks();
        app.MapUnsubscribe();
        app.MapDemoConnector();
        app.MapShopifyInstall();
        app.MapBillingReturn();
        app.MapShopifyEmbedded();
        app.MapShopifyWebhooks();
        app.MapWooCommerceConnect();
        app.MapAccountSignIn();
        app.MapWebApp();
        app.MapWooCommerceWebhooks();
        app.MapPostmarkWebhooks();
        app.MapCapture();
        app.MapGet("/", () => Results.Redirect("/demo/")).ExcludeFromDescription();

        await app.RunAsync();
        return 0;
    }
}
