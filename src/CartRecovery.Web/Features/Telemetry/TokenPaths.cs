using System.Diagnostics;

namespace CartRecovery.Web.Features.Telemetry;

/// <summary>
/// A request span records the path it served; on the customer links (<c>/r/{token}</c>, <c>/u/{token}</c>,
/// <c>/invitations/{token}</c>) the path is a bearer secret, so the span keeps the route template instead. Query strings
/// are already redacted by the instrumentation.
/// </summary>
internal static class TokenPaths
{
    private const string UrlPath = "url.path";

    public static void Redact(Activity activity, HttpResponse response)
    {
        if (response.HttpContext.GetEndpoint() is RouteEndpoint { RoutePattern: var pattern }
            && pattern.Parameters.Any(p => p.Name.Contains("token", StringComparison.OrdinalIgnoreCase)))
            activity.SetTag(UrlPath, pattern.RawText);
    }
}
