namespace CartRecovery.Data;

/// <summary>
/// LIKE patterns built from text a person or a platform gave: its own <c>%</c>, <c>_</c> and <c>\</c> are escaped, so
/// statements that use them say <c>ESCAPE '\'</c> (the same text on every engine).
/// </summary>
internal static class LikePattern
{
    /// <summary>Matches any text that contains <paramref name="text"/> as it is.</summary>
    public static string Containing(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
    }
}
