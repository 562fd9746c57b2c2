namespace CartRecovery.Data;

/// <summary>Addresses are matched trimmed and lower-cased, in a stored column so lookups can use an index.</summary>
internal static class EmailNormalizer
{
    public static string? Normalize(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    /// <summary>Each address of <paramref name="emails"/> normalized, once, blank ones left out.</summary>
    public static string[] NormalizeDistinct(IEnumerable<string> emails) =>
        [.. emails.Select(Normalize).OfType<string>().Distinct(StringComparer.Ordinal)];
}
