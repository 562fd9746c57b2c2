namespace CartRecovery.Data;

/// <summary>
/// Instants are stored as unix milliseconds (UTC) and durations as milliseconds. Rows convert explicitly instead of
/// relying on Dapper type handlers, which Dapper may bypass for DateTimeOffset parameters.
/// </summary>
internal static class DbTime
{
    public static long ToDb(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static long? ToDb(DateTimeOffset? value) => value?.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromDb(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static DateTimeOffset? FromDb(long? value) => value is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v) : null;

    /// <summary>The instant as it will read back: UTC, whole milliseconds.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value) => FromDb(ToDb(value));

    public static long ToDbMs(TimeSpan value) => (long)value.TotalMilliseconds;

    public static TimeSpan FromDbMs(long value) => TimeSpan.FromMilliseconds(value);
}
