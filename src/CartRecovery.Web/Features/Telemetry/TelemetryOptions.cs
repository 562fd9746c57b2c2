namespace CartRecovery.Web.Features.Telemetry;

/// <summary>Where metrics, traces and logs go (section <c>OpenTelemetry</c>); see the README's Observability section.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "OpenTelemetry";

    public PrometheusScrapeOptions Prometheus { get; init; } = new();

    public OtlpExportOptions Otlp { get; init; } = new();

    /// <summary>The section as bound, or the startup error that names the key at fault.</summary>
    public static TelemetryOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Prometheus.Port is < 1 or > 65535)
            throw new InvalidOperationException($"{Section}:Prometheus:Port must be a TCP port (1-65535) or empty.");
        if (options.Otlp.Endpoint is { IsAbsoluteUri: false })
            throw new InvalidOperationException($"{Section}:Otlp:Endpoint must be an absolute URL such as http://collector:4317.");
        if (options.Otlp.Protocol is not (OtlpExportOptions.Grpc or OtlpExportOptions.HttpProtobuf))
            throw new InvalidOperationException($"{Section}:Otlp:Protocol must be '{OtlpExportOptions.Grpc}' or '{OtlpExportOptions.HttpProtobuf}'.");
        return options;
    }
}

/// <summary>The Prometheus scrape endpoint <c>GET /metrics</c>.</summary>
public sealed record PrometheusScrapeOptions
{
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Empty: <c>/metrics</c> is answered on the app's own addresses to the operator's key only (<c>Admin:ApiKey</c>).
    /// Set: it is answered only on this port, without a key; the port must be one the app listens on (<c>--urls</c>) and
    /// should be reachable from the monitoring network only.
    /// </summary>
    public int? Port { get; init; }
}

/// <summary>OpenTelemetry protocol export of metrics, traces and logs: off until an endpoint is set.</summary>
public sealed record OtlpExportOptions
{
    public const string Grpc = "grpc";
    public const string HttpProtobuf = "http/protobuf";

    public Uri? Endpoint { get; init; }

    public string Protocol { get; init; } = Grpc;
}
