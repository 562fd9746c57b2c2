using System.Globalization;

namespace CartRecovery.Connectors.WooCommerce.Orders;

/// <summary>
/// How far polling got: the newest <c>date_modified_gmt</c> ingested and the ids ingested at that very second.
/// WooCommerce dates have second precision and <c>modified_after</c> is exclusive, so the next query starts one second
/// earlier (<c>&gt;= ModifiedAt</c>) and skips the ids already seen at that second: an order saved in the same second
/// as the last one read is neither skipped nor read twice. Stored as <c>2026-11-22T17:00:00Z|12,15</c>.
/// </summary>
internal sealed record OrderCursor(DateTimeOffset ModifiedAt, IReadOnlySet<long> IdsAtSecond)
{
    public static OrderCursor Start(DateTimeOffset from) => new(Truncate(from), new HashSet<long>());

    /// <summary>True when the order at this position was ingested already.</summary>
    public bool Covers(DateTimeOffset modifiedAt, long id)
    {
        var at = Truncate(modifiedAt);
        return at < ModifiedAt || (at == ModifiedAt && IdsAtSecond.Contains(id));
    }

    public OrderCursor Advance(DateTimeOffset modifiedAt, long id)
    {
        var at = Truncate(modifiedAt);
        if (at < ModifiedAt)
            return this;
        var ids = at == ModifiedAt ? new HashSet<long>(IdsAtSecond) : [];
        ids.Add(id);
        return new OrderCursor(at, ids);
    }

    public string Format() =>
        ModifiedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "|"
        + string.Join(",", IdsAtSecond.Order().Select(id => id.ToString(CultureInfo.InvariantCulture)));

    public static OrderCursor? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var parts = text.Split('|', 2);
        if (!DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return null;
        var ids = new HashSet<long>();
        foreach (var part in parts.Length > 1 ? parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries) : [])
        {
            if (long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                ids.Add(id);
        }
        return new OrderCursor(Truncate(at), ids);
    }

    private static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
