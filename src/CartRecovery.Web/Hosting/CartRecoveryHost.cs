using CartRecovery.Connectors.Demo;
using CartRecovery.Connectors.Shopify;
using CartRecovery.Connectors.WooCommerce;
using CartRecovery.Data;
using CartRecovery.Email;
using CartRecovery.Email.Postmark;
using CartRecovery.Core.FeedHealth;
using CartRecovery.Core.Webhooks;
using CartRecovery.Jobs;
using CartRecovery.Sms;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Auth;
using CartRecovery.Web.Features.Billing;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.FeedHealth;
using CartRecovery.Web.Features.Health;
using CartRecovery.Web.Features.Reasons;
using CartRecovery.Web.Features.Restore;
using CartRecovery.Web.Features.SignIn;
using CartRecovery.Web.Features.Stores;
using CartRecovery.Web.Features.Telemetry;
using CartRecovery.Web.Features.Unsubscribe;
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
        HostAddresses.UseDefaultWhenUnset(builder);
        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

        builder.Services.AddOutboundPolicy();
        // Every rate-limit policy (the connectors' included) refuses with 429.
        builder.Services.AddRateLimiter(o => o.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        builder.Services
            .AddCartRecoveryData()
            .AddCartRecoveryEmail()
            .AddPostmarkEmail()
            .AddEmailTransport("postmark", PostmarkServiceCollectionExtensions.Transport)
            .AddSms()
            .AddRecoveryEngine()
            .AddReasonLinks()
            .AddSecretProtection(builder.Configuration)
            .AddDemoConnector()
            .AddShopifyConnector()
            .AddWooCommerceConnector()
            .AddCartRecoveryJobs(builder.Configuration, storage.ProviderName ?? storage.Provider, storage.ResolveConnectionString())
            .AddAdminApi()
            .AddCallerAuthentication()
            .AddAccountSignIn()
            .AddApiReference()
            .AddHealth()
            .AddTelemetry(builder.Configuration)
            .AddWebApp()
            .AddSingleton<StoreOnboarding>()
            .AddSingleton<IWebhookIntake, WebhookIntake>()
            .AddSingleton<IFeedAlertSender, FeedAlertEmails>()
            .AddProblemDetails(o => o.CustomizeProblemDetails = RequestFailures.Describe);
        // Requests the endpoints cannot read reach the exception handler in every environment (not a bare 400 outside
        // Development), which answers with a problem that says what is wrong.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return builder;
    }

    /// <summary>Exit code of a start that could not listen: the port is taken.</summary>
    public const int PortInUse = 3;

    /// <summary>Migrates, seeds the demo store when asked, maps every endpoint and serves until stopped.</summary>
    public static Task<int> RunAsync(string[] hostArgs) => RunAsync(hostArgs, Console.Out, Console.Error);

    /// <param name="output">Where the start-up notes for the person at the console go (the demo's sign-in link).</param>
    /// <param name="error">Where a start that cannot go ahead says why, in one line.</param>
    /// <param name="configure">Last-word changes to the builder (tests capture the log).</param>
    public static async Task<int> RunAsync(string[] hostArgs, TextWriter output, TextWriter error, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = CreateBuilder(hostArgs);
        configure?.Invoke(builder);
        await using var app = builder.Build();
        // Checked before anything is migrated, seeded or logged: nothing may claim the app is open on a port it cannot have.
        if (HostAddresses.FindBusyPort(app) is var (port, address))
        {
            await error.WriteLineAsync(HostAddresses.BusyPortMessage(port, address));
            return PortInUse;
        }

        var startup = app.Services.GetRequiredService<StartupTasks>();
        await startup.MigrateAsync(onlyWhenBehind: true, app.Lifetime.ApplicationStopping);
        var demoStore = await startup.SeedAsync(app.Lifetime.ApplicationStopping);

        // Security headers (CSP, framing, nosniff, referrer, HSTS) on every response, errors included: first in line.
        app.UseSecurityHeaders();
        app.UseWebhookRefusals();

        // Requests that fail to bind (a non-numeric id, an oversized body, an unknown charset) are the client's fault: 4xx, not 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = RequestFailures.StatusCodeFor,
            SuppressDiagnosticsCallback = c => RequestFailures.IsClientFault(c.Exception),
        });
        // A refusal with no body of its own gets one (problem+json for programs), early answers included.
        app.UseStatusCodePages();
        // Restore links and webhooks answer here: what follows serves people and API callers (pages, sessions, keys, limits).
        app.UseEarlyAnswers();
        app.UseWebApp();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseApiCallerGate();
        app.UseAuthorization();
        app.MapHealth();
        app.MapMetrics();
        app.MapAdminApi();
        app.MapApiReference();
        app.MapRestoreLinks();
        app.MapUnsubscribe();
        app.MapReasonLinks();
        app.MapDemoConnector();
        app.MapShopifyConnector();
        app.MapWooCommerceConnector();
        app.MapPostmarkEmail();
        app.MapBillingReturn();
        app.MapStoreSummary();
        app.MapStoreHealth();
        app.MapAccountSignIn();
        app.MapWebApp();
        app.MapSms();
        app.MapGet("/", () => Results.Redirect("/demo/")).ExcludeFromDescription();

        try
        {
            await app.StartAsync(app.Lifetime.ApplicationStopping);
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            // Another process took the port between the check above and the bind.
            await error.WriteLineAsync(e.Message);
            return PortInUse;
        }
        await startup.AnnounceAsync(demoStore, output, app.Lifetime.ApplicationStopping);
        await app.WaitForShutdownAsync();
        return 0;
    }
}
