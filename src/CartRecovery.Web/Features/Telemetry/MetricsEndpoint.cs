using CartRecovery.Web.Features.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.Telemetry;

/// <summary>
/// <c>GET /metrics</c>: the Prometheus text exposition of every instrument. On the app's own addresses it wants the
/// operator's key (<c>Authorization: Bearer</c> with <c>Admin:ApiKey</c>; an account's key gets 403), since the figures
/// span every account. With <c>OpenTelemetry:Prometheus:Port</c> set it is answered only to connections made to that
/// port, without a key, and nowhere else.
/// </summary>
internal static class MetricsEndpoint
{
    public const string Path = "/metrics";

    public static WebApplication MapMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus;
        if (!options.Enabled)
            return app;
        if (options.Port is { } port)
            // The socket's own port, not the Host header's (a client chooses that one) and so not RequireHost.
            app.UseOpenTelemetryPrometheusScrapingEndpoint(http => http.Connection.LocalPort == port
                && http.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase));
        else
            // The key scheme by name: without a bearer header the default scheme would pick the session cookie, whose
            // challenge is a sign-in page rather than the API's 401.
            app.MapPrometheusScrapingEndpoint(Path)
                .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
                .RequireAuthorization(new AuthorizeAttribute(CallerPolicies.Operator) { AuthenticationSchemes = CallerSchemes.ApiKey });
        return app;
    }
}
