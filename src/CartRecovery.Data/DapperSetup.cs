namespace CartRecovery.Data;

/// <summary>Process-wide Dapper settings this project relies on.</summary>
internal static class DapperSetup
{
    private static int _done;

    /// <summary>Maps snake_case columns (<c>store_id</c>) onto PascalCase row properties (<c>StoreId</c>).</summary>
    public static void Ensure()
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
            Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
    }
}
