namespace CartRecovery.Data;

/// <summary>Column lists of the row types (<c>MessageRow.Columns</c>), reused in statements that join several tables.</summary>
internal static class SqlColumns
{
    /// <summary><c>"id, store_id"</c> with alias <c>m</c> → <c>"m.id, m.store_id"</c>: the same columns, unambiguous in a join.</summary>
    public static string Qualify(string alias, string columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        ArgumentNullException.ThrowIfNull(columns);
        return string.Join(", ", columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => $"{alias}.{c}"));
    }
}
