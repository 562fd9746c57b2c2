using CartRecovery.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CartRecovery.Web.Features.Telemetry;

/// <summary>
/// OpenTelemetry for the host: the CartRecovery meter (plus ASP.NET Core's, HttpClient's and the runtime's) behind the
/// Prometheus scrape endpoint and, when <c>OpenTelemetry:Otlp:Endpoint</c> is set, OTLP; traces of our activities, ASP.NET
/// Core and HttpClient, and logs with their scopes, are exported over OTLP only (nothing records them otherwise).
/// </summary>
internal static class TelemetryServiceCollectionExtensions
{
    public const string ServiceName = "cartrecovery";

    private const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = TelemetryOptions.Read(configuration);
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section);
        services.AddSingleton<WebhookInboxGauges>();
        // ASP.NET Core's request log scope carries the request path into every log line written while a request runs, and
        // on the customer links (/r/{token}, /u/{token}) that path is a bearer secret. This category is the only one that
        // opens that scope (and logs "Request starting GET /r/…"); with it off, logs still correlate with their request
        // through the TraceId and SpanId scope fields. Set in code so that no log level in configuration brings it back.
        services.AddLogging(logging => logging.AddFilter(RequestLogCategory, LogLevel.None));

        // What a trace holds, whoever builds the tracer provider (OTLP below; tests add an in-memory exporter).
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing
            .AddSource(CartRecoveryTelemetry.Name)
            .AddAspNetCoreInstrumentation(o =>
            {
                o.Filter = http => !http.Request.Path.StartsWithSegments("/metrics") && !http.Request.Path.StartsWithSegments("/healthz");
                o.EnrichWithHttpResponse = TokenPaths.Redact;
            })
            .AddHttpClientInstrumentation());

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(CartRecoveryTelemetry.Name, "System.Runtime")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddInstrumentation(sp => sp.GetRequiredService<WebhookInboxGauges>());
                if (options.Prometheus.Enabled)
                    metrics.AddPrometheusExporter();
                if (options.Otlp.Endpoint is not null)
                    metrics.AddOtlpExporter(o => Configure(o, options.Otlp, "v1/metrics"));
            });
        if (options.Otlp.Endpoint is not null)
        {
            telemetry.WithTracing(tracing => tracing.AddOtlpExporter(o => Configure(o, options.Otlp, "v1/traces")));
            telemetry.WithLogging(logging => logging.AddOtlpExporter(o => Configure(o, options.Otlp, "v1/logs")), o => o.IncludeScopes = true);
        }
        return services;
    }

    /// <summary>
    /// OTLP over HTTP wants each signal's own path (…/v1/traces) when the endpoint is set in code; gRPC takes the
    /// collector's address as it is.
    /// </summary>
    private static void Configure(OtlpExporterOptions exporter, OtlpExportOptions settings, string signalPath)
    {
        var endpoint = settings.Endpoint!;
        if (settings.Protocol == OtlpExportOptions.HttpProtobuf)
        {
            exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
            exporter.Endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath);
        }
        else
        {
            exporter.Protocol = OtlpExportProtocol.Grpc;
            exporter.Endpoint = endpoint;
        }
    }
}
