namespace CartRecovery.Connectors.Shopify.Auth;

/// <summary>Compares requested and granted access scopes (comma-separated, as Shopify writes them).</summary>
internal static class ShopifyScopes
{
    /// <summary>
    /// The requested scopes the grant does not cover. Shopify leaves an implied <c>read_x</c> out of the granted list
    /// when <c>write_x</c> is granted, so a write scope covers its read scope.
    /// </summary>
    public static IReadOnlyList<string> Missing(string requested, string? granted)
    {
        var have = new HashSet<string>(Split(granted), StringComparer.OrdinalIgnoreCase);
        return Split(requested)
            .Where(scope => !have.Contains(scope)
                && !(scope.StartsWith("read_", StringComparison.OrdinalIgnoreCase) && have.Contains("write_" + scope["read_".Length..])))
            .ToList();
    }

    private static string[] Split(string? scopes) =>
        (scopes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
