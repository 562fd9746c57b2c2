using CartRecovery.Core.Attribution;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Sequences;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Sequences;

/// <summary>A store's own sequences: one <c>sequences</c> row each, plus one immutable <c>sequence_versions</c> row per edit.</summary>
internal sealed class SequenceRepository : ISequenceRepository
{
    private const string InsertSequenceSql = """
        INSERT INTO sequences (store_id, active, current_version, created_at, updated_at)
        VALUES (@StoreId, 1, 1, @Now, @Now)
        """;

    private const string InsertVersionSql = """
        INSERT INTO sequence_versions (sequence_id, version, definition, created_at)
        VALUES (@SequenceId, @Version, @Definition, @Now)
        """;

    // Bumping the counter first locks the row on engines with row locks, so two edits at once get distinct versions.
    private const string BumpVersionSql = """
        UPDATE sequences SET current_version = current_version + 1, active = 1, updated_at = @Now
        WHERE id = @Id AND store_id = @StoreId
        """;

    private const string CurrentVersionSql = "SELECT current_version FROM sequences WHERE id = @Id";

    private const string DeactivateSql = "UPDATE sequences SET active = 0, updated_at = @Now WHERE id = @Id AND store_id = @StoreId";

    private const string GetSql = $"{SequenceRow.Select} WHERE s.id = @Id AND s.store_id = @StoreId AND v.version = s.current_version";
    private const string ListSql = $"{SequenceRow.Select} WHERE s.store_id = @StoreId AND v.version = s.current_version ORDER BY s.id";
    private const string VersionsSql = $"{SequenceRow.Select} WHERE s.id = @Id AND s.store_id = @StoreId ORDER BY v.version";

    // Recovered = the cart's recovery was credited to this message's step; the message's variant is the cart's variant.
    private const string ResultsSql = """
        SELECT step, variant,
               COUNT(CASE WHEN status = @Sent THEN 1 END) AS sent,
               COUNT(delivered_at) AS delivered,
               COUNT(opened_at) AS opened,
               COUNT(clicked_at) AS clicked
        FROM messages
        WHERE sequence_id = @SequenceId AND (@From IS NULL OR sent_at >= @From) AND (@Until IS NULL OR sent_at < @Until)
        GROUP BY step, variant;

        SELECT m.step, m.variant, c.currency, COUNT(*) AS orders, COALESCE(SUM(c.order_total_minor), 0) AS amount_minor
        FROM messages m
        JOIN carts c ON c.id = m.cart_id
        WHERE m.sequence_id = @SequenceId AND c.status = @Recovered AND c.recovered_by_step = m.step
          AND (@From IS NULL OR m.sent_at >= @From) AND (@Until IS NULL OR m.sent_at < @Until)
        GROUP BY m.step, m.variant, c.currency;
        """;

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public SequenceRepository(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
    }

    public async Task<StoreSequence> CreateAsync(long storeId, SequenceDefinition definition, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var at = DbTime.ToDb(now);
        await using var db = await _connections.OpenAsync(ct);
        await using var tx = await _dialect.BeginWriteAsync(db, ct);
        var id = await db.ExecuteScalarAsync<long>(new CommandDefinition(_dialect.InsertReturningId(InsertSequenceSql),
            new { StoreId = storeId, Now = at }, tx, cancellationToken: ct));
        await db.ExecuteAsync(new CommandDefinition(InsertVersionSql,
            new { SequenceId = id, Version = 1L, Definition = SequenceJson.Serialize(definition), Now = at }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new StoreSequence(id, storeId, 1, true, definition, DbTime.FromDb(at));
    }

    public async Task<StoreSequence?> UpdateAsync(long storeId, long sequenceId, SequenceDefinition definition, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var at = DbTime.ToDb(now);
        await using var db = await _connections.OpenAsync(ct);
        await using var tx = await _dialect.BeginWriteAsync(db, ct);
        if (await db.ExecuteAsync(new CommandDefinition(BumpVersionSql, new { Id = sequenceId, StoreId = storeId, Now = at }, tx, cancellationToken: ct)) == 0)
            return null;
        var version = await db.ExecuteScalarAsync<long>(new CommandDefinition(CurrentVersionSql, new { Id = sequenceId }, tx, cancellationToken: ct));
        await db.ExecuteAsync(new CommandDefinition(InsertVersionSql,
            new { SequenceId = sequenceId, Version = version, Definition = SequenceJson.Serialize(definition), Now = at }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return new StoreSequence(sequenceId, storeId, (int)version, true, definition, DbTime.FromDb(at));
    }

    public async Task<bool> DeactivateAsync(long storeId, long sequenceId, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(DeactivateSql,
            new { Id = sequenceId, StoreId = storeId, Now = DbTime.ToDb(now) }, cancellationToken: ct)) > 0;
    }

    public async Task<StoreSequence?> GetAsync(long storeId, long sequenceId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<SequenceRow>(new CommandDefinition(GetSql, new { Id = sequenceId, StoreId = storeId }, cancellationToken: ct));
        return row?.ToSequence();
    }

    public async Task<IReadOnlyList<StoreSequence>> ListAsync(long storeId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<SequenceRow>(new CommandDefinition(ListSql, new { StoreId = storeId }, cancellationToken: ct));
        return rows.Select(r => r.ToSequence()).OrderBy(s => s.Definition.Priority).ThenBy(s => s.Id).ToList();
    }

    public async Task<IReadOnlyList<StoreSequence>> ListVersionsAsync(long storeId, long sequenceId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<SequenceRow>(new CommandDefinition(VersionsSql, new { Id = sequenceId, StoreId = storeId }, cancellationToken: ct));
        return rows.Select(r => r.ToSequence()).ToList();
    }

    public Task<IReadOnlyList<VariantCounts>> CountResultsAsync(long sequenceId, CancellationToken ct) => CountResultsAsync(sequenceId, null, null, ct);

    public Task<IReadOnlyList<VariantCounts>> CountResultsAsync(long sequenceId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct) =>
        CountResultsAsync(sequenceId, (DateTimeOffset?)from, until, ct);

    private async Task<IReadOnlyList<VariantCounts>> CountResultsAsync(long sequenceId, DateTimeOffset? from, DateTimeOffset? until, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        await using var results = await db.QueryMultipleAsync(new CommandDefinition(ResultsSql, new
        {
            SequenceId = sequenceId,
            From = DbTime.ToDb(from),
            Until = DbTime.ToDb(until),
            Sent = (int)MessageStatus.Sent,
            Recovered = (int)CartStatus.Recovered,
        }, cancellationToken: ct));
        var messages = (await results.ReadAsync<MessageCounts>()).ToList();
        var orders = (await results.ReadAsync<OrderCounts>()).ToLookup(o => (o.Step, o.Variant));
        return messages
            .OrderBy(m => m.Step).ThenBy(m => m.Variant, StringComparer.Ordinal)
            .Select(m =>
            {
                var recovered = orders[(m.Step, m.Variant)].ToList();
                return new VariantCounts(m.Step, m.Variant, m.Sent, m.Opened, m.Clicked, recovered.Sum(o => o.Orders),
                    recovered.OrderBy(o => o.Currency, StringComparer.Ordinal).Select(o => new MoneyTotal(o.Currency, o.AmountMinor)).ToList())
                {
                    Delivered = m.Delivered,
                };
            })
            .ToList();
    }

    // One row per (version, group, converted, order total): few rows even for many carts, and the sums of squares the
    // revenue interval needs are computed here in doubles, where a SQL BIGINT would overflow on large baskets. Versions
    // are filtered here too: a list parameter is not portable (Npgsql takes arrays, not expanded IN lists).
    private const string HoldOutSql = """
        SELECT sequence_version, control_group, converted, revenue, COUNT(*) AS carts
        FROM (SELECT c.sequence_version, c.control_group,
                     CASE WHEN c.converted_at IS NULL THEN 0 ELSE 1 END AS converted,
                     CASE WHEN c.converted_at IS NULL THEN 0 ELSE COALESCE(c.order_total_minor, 0) END AS revenue
              FROM carts c
              WHERE c.sequence_id = @SequenceId AND c.currency = @Currency) g
        GROUP BY sequence_version, control_group, converted, revenue
        """;

    public async Task<HoldOutGroups> CountHoldOutAsync(long sequenceId, IReadOnlyCollection<int> versions, string currency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(versions);
        if (versions.Count == 0)
            return new(GroupOutcome.Empty, GroupOutcome.Empty);
        await using var db = await _connections.OpenAsync(ct);
        var rows = (await db.QueryAsync<HoldOutRow>(new CommandDefinition(HoldOutSql,
            new { SequenceId = sequenceId, Currency = currency }, cancellationToken: ct))).Where(r => versions.Contains(r.SequenceVersion)).ToList();
        return new(Sum(rows.Where(r => r.ControlGroup == 0)), Sum(rows.Where(r => r.ControlGroup != 0)));
    }

    private static GroupOutcome Sum(IEnumerable<HoldOutRow> rows) => rows.Aggregate(GroupOutcome.Empty, (sum, r) => new(
        sum.Carts + r.Carts, sum.Converted + (r.Converted != 0 ? r.Carts : 0), sum.RevenueMinor + r.Revenue * r.Carts,
        sum.RevenueSquaresMinor + (double)r.Revenue * r.Revenue * r.Carts));

    private sealed class HoldOutRow
    {
        public int SequenceVersion { get; set; }
        public long ControlGroup { get; set; }
        public long Converted { get; set; }
        public long Revenue { get; set; }
        public long Carts { get; set; }
    }

    private sealed class MessageCounts
    {
        public int Step { get; set; }
        public string? Variant { get; set; }
        public long Sent { get; set; }
        public long Delivered { get; set; }
        public long Opened { get; set; }
        public long Clicked { get; set; }
    }

    private sealed class OrderCounts
    {
        public int Step { get; set; }
        public string? Variant { get; set; }
        public string Currency { get; set; } = "";
        public long Orders { get; set; }
        public long AmountMinor { get; set; }
    }
}
