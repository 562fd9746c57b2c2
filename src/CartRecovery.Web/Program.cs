using CartRecovery.Connectors.Demo;
using CartRecovery.Connectors.Shopify;
using CartRecovery.Connectors.WooCommerce;
using CartRecovery.Data;
using CartRecovery.Email;
using CartRecovery.Email.Postmark;
using CartRecovery.Email.Postmark.Sending;
using CartRecovery.Jobs;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Capture;
using CartRecovery.Web.Features.Demo;
using CartRecovery.Web.Features.Health;
using CartRecovery.Web.Features.Restore;
using CartRecovery.Web.Features.Shopify;
using CartRecovery.Web.Features.Unsubscribe;
using CartRecovery.Web.Features.WooCommerce;
using CartRecovery.Web.Features.Webhooks;
using CartRecovery.Web.Hosting;
using Quartz;

var commandLine = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = commandLine.HostArgs,
    // appsettings.json ships beside the binaries; relative data paths still start at the working directory.
    ContentRootPath = AppContext.BaseDirectory,
});
DemoMode.Apply(builder.Configuration);
var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

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
    .AddHealth()
    .AddSingleton<WebhookIntake>()
    .Configure<PostmarkWebhookOptions>(builder.Configuration.GetSection(PostmarkWebhookOptions.Section))
    .AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

var app = builder.Build();

var startup = app.Services.GetRequiredService<StartupTasks>();
await startup.MigrateAsync(onlyWhenBehind: commandLine.Command != CommandLine.Migrate, app.Lifetime.ApplicationStopping);
if (commandLine.Command == CommandLine.Migrate)
    return 0;
if (commandLine.Command != CommandLine.Run)
{
    await Console.Error.WriteLineAsync($"Unknown command '{commandLine.Command}'. Commands: run (default), migrate.");
    return 2;
}
await startup.SeedAsync(app.Lifetime.ApplicationStopping);

// Requests that fail to bind (a non-numeric id, an oversized body) are the client's fault: 400/413, not 500.
app.UseExceptionHandler(new ExceptionHandlerOptions
{
    StatusCodeSelector = error => error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
});
app.UseStatusCodePages();
app.UseRateLimiter();
app.MapHealth();
app.MapAdminApi();
app.MapRestoreLinks();
app.MapUnsubscribe();
app.MapDemoStore();
app.MapShopifyInstall();
app.MapShopifyWebhooks();
app.MapWooCommerceConnect();
app.MapWooCommerceWebhooks();
app.MapPostmarkWebhooks();
app.MapCapture();
app.MapGet("/", () => Results.Redirect("/demo/")).ExcludeFromDescription();

await app.RunAsync();
return 0;

/// <summary>The host's entry point, public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
