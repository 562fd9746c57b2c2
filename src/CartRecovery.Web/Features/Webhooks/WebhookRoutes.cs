namespace CartRecovery.Web.Features.Webhooks;

/// <summary>
/// Where the platforms' webhooks live: each project (the connectors, Postmark) maps its own as
/// <c>POST /webhooks/{platform}…</c>, and the host recognises them by that alone.
/// </summary>
internal static class WebhookRoutes
{
    private const string Prefix = "/webhooks/";

    /// <summary>Whether a route pattern, with or without its leading slash, is a webhook's; allocates nothing (it runs per request).</summary>
    public static bool IsWebhook(string pattern) =>
        pattern.AsSpan().TrimStart('/').StartsWith(Prefix.AsSpan(1), StringComparison.OrdinalIgnoreCase);

    /// <summary>The platform a webhook's path names (<c>/webhooks/{platform}…</c>), lower-cased; null for any other path.</summary>
    public static string? PlatformOf(PathString path)
    {
        var value = path.Value;
        if (value is null || !value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            return null;
        var rest = value[Prefix.Length..];
        var end = rest.IndexOf('/', StringComparison.Ordinal);
        return (end < 0 ? rest : rest[..end]).ToLowerInvariant();
    }
}
