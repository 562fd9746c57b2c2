using System.Data.Common;
using CartRecovery.Core;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Carts;

/// <summary>Carts, their lines and their timeline. Status changes live in <see cref="CartTransitions"/>, decided by <see cref="CartTransitionRules"/>.</summary>
internal sealed class CartRepository : ICartRepository
{
    private const string FindSql = $"SELECT {CartRow.Columns} FROM carts c WHERE c.store_id = @StoreId AND c.external_id = @ExternalId";
    private const string GetSql = $"SELECT {CartRow.Columns} FROM carts c WHERE c.id = @Id";
    private const string GetManySql = $"SELECT {CartRow.Columns} FROM carts c WHERE c.id IN @Ids";

    /// <summary>Ids per read: well under SQL Server's 2,100 parameters.</summary>
    private const int GetManyChunk = 500;

    private const string InsertCartSql = """
        INSERT INTO carts (store_id, external_id, status, email, email_normalized, phone, first_name, last_name, locale,
                           accepts_marketing, currency, subtotal_minor, total_minor, restore_url, platform_created_at,
                           platform_updated_at, created_at, updated_at, platform_refs, presentment_currency,
                           presentment_total_minor, country, accepts_sms)
        VALUES (@StoreId, @ExternalId, @Status, @Email, @EmailNormalized, @Phone, @FirstName, @LastName, @Locale,
                @AcceptsMarketing, @Currency, @SubtotalMinor, @TotalMinor, @RestoreUrl, @PlatformCreatedAt,
                @PlatformUpdatedAt, @CreatedAt, @UpdatedAt, @PlatformRefs, @PresentmentCurrency, @PresentmentTotalMinor,
                @Country, @AcceptsSms)
        """;

    // Only what CartMerger may change; the status and order columns belong to the lifecycle methods.
    private const string UpdateMergedSql = """
        UPDATE carts
        SET email = @Email, email_normalized = @EmailNormalized, phone = @Phone, first_name = @FirstName,
            last_name = @LastName, locale = @Locale, accepts_marketing = @AcceptsMarketing, currency = @Currency,
            subtotal_minor = @SubtotalMinor, total_minor = @TotalMinor, restore_url = @RestoreUrl,
            platform_created_at = @PlatformCreatedAt, platform_updated_at = @PlatformUpdatedAt, updated_at = @UpdatedAt,
            platform_refs = @PlatformRefs, presentment_currency = @PresentmentCurrency,
            presentment_total_minor = @PresentmentTotalMinor, country = @Country, accepts_sms = @AcceptsSms
        WHERE id = @Id
        """;

    private const string FindByRefSql = $"""
        SELECT {CartRow.Columns} FROM carts c
        WHERE c.store_id = @StoreId
          AND (c.external_id = @Ref OR c.id = (SELECT cart_id FROM cart_refs WHERE store_id = @StoreId AND ref = @Ref))
        ORDER BY c.id
        """;

    // Every cart of the store known by one of the references, once per reference: by its external id, or else through
    // cart_refs (one row per store and ref). Only what telling the carts apart needs, not their lines. The aliases
    // differ between the branches for the T-SQL name check.
    private const string FindByRefsSql = """
        SELECT c.external_id AS reference, c.id, c.external_id, c.platform_refs FROM carts c
        WHERE c.store_id = @StoreId AND c.external_id IN @Refs
        UNION ALL
        SELECT r.ref AS reference, k.id, k.external_id, k.platform_refs FROM cart_refs r JOIN carts k ON k.id = r.cart_id
        WHERE r.store_id = @StoreId AND r.ref IN @Refs AND k.store_id = @StoreId AND k.external_id <> r.ref
        ORDER BY id
        """;

    private const string InsertRefSql = "INSERT INTO cart_refs (store_id, ref, cart_id) VALUES (@StoreId, @Ref, @CartId)";

    private const string DeleteLinesSql = "DELETE FROM cart_lines WHERE cart_id = @CartId";

    private const string InsertLineSql = """
        INSERT INTO cart_lines (cart_id, position, title, quantity, unit_price_minor, product_id, variant_id, sku,
                                variant_title, image_url, product_url)
        VALUES (@CartId, @Position, @Title, @Quantity, @UnitPriceMinor, @ProductId, @VariantId, @Sku,
                @VariantTitle, @ImageUrl, @ProductUrl)
        """;

    // platform_updated_at <= @Now lets the (status, platform_updated_at) index narrow the scan before the per-store
    // cut-off is applied (no cut-off is negative).
    private const string FindIdleSql = $"""
        SELECT {CartRow.Columns}
        FROM carts c
        JOIN stores s ON s.id = c.store_id
        WHERE c.status = @Active
          AND c.email_normalized IS NOT NULL
          AND c.platform_updated_at <= @Now
          AND c.platform_updated_at + s.abandon_after_ms <= @Now
        ORDER BY c.platform_updated_at, c.id
        """;

    // One statement for every filter combination (a null filter matches all), so each engine's text is fixed and checked;
    // a second one when the caller sees only some stores.
    private const string ListWhere = $"""
        SELECT {CartRow.Columns} FROM carts c
        WHERE (@StoreId IS NULL OR c.store_id = @StoreId) AND (@Status IS NULL OR c.status = @Status)
          AND (@AbandonedFrom IS NULL OR c.abandoned_at >= @AbandonedFrom)
          AND (@AbandonedBefore IS NULL OR c.abandoned_at < @AbandonedBefore)
          AND (@MinTotal IS NULL OR c.total_minor >= @MinTotal) AND (@MaxTotal IS NULL OR c.total_minor <= @MaxTotal)
          AND (@EmailPattern IS NULL OR c.email_normalized LIKE @EmailPattern ESCAPE '\')
        """;
    private const string ListOrder = "ORDER BY c.created_at DESC, c.id DESC";
    private const string ListSql = $"{ListWhere} {ListOrder}";
    private const string ListVisibleSql = $"{ListWhere} AND c.store_id IN @StoreIds {ListOrder}";

    private const string TimelineSql = """
        SELECT id, cart_id, at, kind, detail, entry, message_id FROM cart_events WHERE cart_id = @CartId ORDER BY at, id
        """;

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;
    private readonly CartTransitions _transitions;
    private readonly GroupCommit _commits;

    public CartRepository(IDbConnectionFactory connections, SqlDialect dialect, GroupCommit commits)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(commits);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
        _commits = commits;
        _transitions = new CartTransitions(connections, dialect);
    }

    public Task<CartMergeResult> UpsertAsync(CartSnapshot snapshot, DateTimeOffset now, CancellationToken ct) =>
        UpsertAsync(snapshot, null, now, ct);

    public Task<CartMergeResult> UpsertAlignedAsync(CartSnapshot snapshot, Func<CartSnapshot, IReadOnlyList<CartRefMatch>, CartSnapshot> align,
        DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(align);
        return UpsertAsync(snapshot, align, now, ct);
    }

    private async Task<CartMergeResult> UpsertAsync(CartSnapshot snapshot, Func<CartSnapshot, IReadOnlyList<CartRefMatch>, CartSnapshot>? align,
        DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        now = DbTime.Truncate(now);
        try
        {
            return await UpsertOnceAsync(snapshot, align, now, ct);
        }
        catch (DbException error) when (_dialect.IsUniqueViolation(error))
        {
            // Engines without a database-wide write lock: another writer inserted the cart between our read and our
            // insert. Merging again now finds it.
            return await UpsertOnceAsync(snapshot, align, now, ct);
        }
    }

    private async Task<CartMergeResult> UpsertOnceAsync(CartSnapshot snapshot, Func<CartSnapshot, IReadOnlyList<CartRefMatch>, CartSnapshot>? align,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        await using var tx = await _dialect.BeginWriteAsync(db, ct);
        var read = true;
        if (align is not null)
        {
            var key = snapshot.ExternalId;
            var matches = await QueryRefsAsync(db, tx, snapshot.StoreId, [key, .. snapshot.PlatformRefs.Values], ct);
            snapshot = align(snapshot, matches);
            // The key is one of the references: a cart stored under it is among the matches, so a snapshot that kept a key
            // nothing matched is new and needs no second read.
            read = snapshot.ExternalId != key || matches.Any(m => m.ExternalId == key);
        }
        // Merge what will be read back: with sub-millisecond times a redelivered snapshot would look newer than the
        // stored one and count as an update every time.
        snapshot = snapshot with { CreatedAt = DbTime.Truncate(snapshot.CreatedAt), UpdatedAt = DbTime.Truncate(snapshot.UpdatedAt) };
        var existing = read
            ? await CartReader.SingleAsync(_dialect, db, tx, FindSql, new { snapshot.StoreId, snapshot.ExternalId }, ct)
            : null;
        var result = CartMerger.Merge(existing, snapshot, now);
        if (result.Outcome == MergeOutcome.Unchanged)
            return result;

        var row = CartRow.From(result.Cart);
        if (result.Outcome == MergeOutcome.Created)
            row.Id = await db.ExecuteScalarAsync<long>(new CommandDefinition(_dialect.InsertReturningId(InsertCartSql), row, tx, cancellationToken: ct));
        else
            await db.ExecuteAsync(new CommandDefinition(UpdateMergedSql, row, tx, cancellationToken: ct));

        // The cart's id known, the rest needs nothing back: one round trip on the server engines.
        var writes = new StatementBatch();
        // FilledGaps keeps the stored lines by definition (CartMerger never takes lines from an older snapshot), so
        // only a new or newer cart writes them.
        if (result.Outcome == MergeOutcome.Updated)
            writes.Add(DeleteLinesSql, [("CartId", row.Id)]);
        // Lines and refs go in one statement each, however many there are (up to the engines' parameter limits).
        if (result.Outcome is MergeOutcome.Created or MergeOutcome.Updated && result.Cart.Lines.Count > 0)
            MultiRowInsert.AddTo(writes, InsertLineSql, CartLineRow.From(row.Id, result.Cart.Lines).ToList(), sql => sql);

        if (result.Cart.PlatformRefs.Count > 0)
            MultiRowInsert.AddTo(writes, InsertRefSql,
                result.Cart.PlatformRefs.Values.Distinct(StringComparer.Ordinal).Select(r => new RefRow(snapshot.StoreId, r, row.Id)).ToList(),
                sql => _dialect.InsertIgnoringDuplicates(sql, "store_id, ref"));

        var cart = result.Cart with { Id = row.Id };
        CartEventWriter.AddTo(writes, CartTransitionRules.Describe(result with { Cart = cart }, now)!);
        await writes.ExecuteAsync(db, tx, ct);
        await tx.CommitAsync(ct);
        return result with { Cart = cart };
    }

    public async Task<Cart?> GetAsync(long cartId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await CartReader.SingleAsync(_dialect, db, null, GetSql, new { Id = cartId }, ct);
    }

    public async Task<IReadOnlyList<Cart>> GetManyAsync(IReadOnlyCollection<long> cartIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cartIds);
        if (cartIds.Count == 0)
            return [];
        await using var db = await _connections.OpenAsync(ct);
        var carts = new List<Cart>(cartIds.Count);
        foreach (var chunk in cartIds.Chunk(GetManyChunk))
            carts.AddRange(await CartReader.ListAsync(_dialect, db, null, _dialect.ListParameter(GetManySql), new { Ids = chunk }, ct));
        return carts;
    }

    public async Task<Cart?> FindAsync(long storeId, string externalId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await CartReader.SingleAsync(_dialect, db, null, FindSql, new { StoreId = storeId, ExternalId = externalId }, ct);
    }

    public async Task<Cart?> FindByRefAsync(long storeId, string reference, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await CartReader.SingleAsync(_dialect, db, null, FindByRefSql, new { StoreId = storeId, Ref = reference }, ct);
    }

    public async Task<IReadOnlyList<CartRefMatch>> FindByRefsAsync(long storeId, IReadOnlyCollection<string> references, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(references);
        if (references.Count == 0)
            return [];
        await using var db = await _connections.OpenAsync(ct);
        return await QueryRefsAsync(db, null, storeId, references, ct);
    }

    private async Task<IReadOnlyList<CartRefMatch>> QueryRefsAsync(DbConnection db, DbTransaction? tx, long storeId,
        IReadOnlyCollection<string> references, CancellationToken ct)
    {
        var rows = await db.QueryAsync<(string Reference, long Id, string ExternalId, string? PlatformRefs)>(new CommandDefinition(
            _dialect.ListParameter(FindByRefsSql), new { StoreId = storeId, Refs = references.Distinct(StringComparer.Ordinal).ToArray() },
            tx, cancellationToken: ct));
        return rows.Select(r => new CartRefMatch(r.Reference, r.Id, r.ExternalId, CartRow.ReadRefs(r.PlatformRefs))).ToList();
    }

    public async Task<IReadOnlyList<Cart>> ListAsync(CartQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Take);
        if (query.StoreIds is { Count: 0 })
            return [];
        var sql = query.StoreIds is null ? _dialect.Page(ListSql) : _dialect.Page(_dialect.ListParameter(ListVisibleSql));

        await using var db = await _connections.OpenAsync(ct);
        return await CartReader.ListAsync(_dialect, db, null, sql,
            new
            {
                query.StoreId,
                Status = (int?)query.Status,
                AbandonedFrom = DbTime.ToDb(query.AbandonedFrom),
                AbandonedBefore = DbTime.ToDb(query.AbandonedBefore),
                MinTotal = query.MinTotalMinor,
                MaxTotal = query.MaxTotalMinor,
                // Addresses are stored lower-cased in email_normalized, so the search is case-insensitive on every engine.
                EmailPattern = EmailNormalizer.Normalize(query.EmailContains) is { } part ? LikePattern.Containing(part) : null,
                query.Skip,
                query.Take,
                StoreIds = query.StoreIds?.ToArray(),
            }, ct);
    }

    public async Task<IReadOnlyList<Cart>> FindIdleAsync(DateTimeOffset now, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var db = await _connections.OpenAsync(ct);
        return await CartReader.ListAsync(_dialect, db, null, _dialect.Page(FindIdleSql),
            new { Active = (int)CartStatus.Active, Now = DbTime.ToDb(now), Skip = 0, Take = limit }, ct);
    }

    public Task<bool> AbandonAsync(long cartId, DateTimeOffset abandonedAt, IReadOnlyList<OutboundMessage> plan, CancellationToken ct) =>
        _transitions.AbandonAsync(cartId, abandonedAt, plan, ct);

    private const string RecordSequenceSql = """
        UPDATE carts SET sequence_id = @SequenceId, sequence_version = @Version, control_group = @ControlGroup WHERE id = @Id
        """;

    public async Task RecordSequenceAsync(long cartId, long sequenceId, int version, bool controlGroup, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(RecordSequenceSql,
            new { Id = cartId, SequenceId = sequenceId, Version = version, ControlGroup = controlGroup ? 1 : 0 }, cancellationToken: ct));
    }

    public Task<bool> ConvertAsync(CartConversion conversion, DateTimeOffset now, CancellationToken ct) =>
        _transitions.ConvertAsync(conversion, now, ct);

    public Task<bool> CloseAsync(long cartId, CartStatus status, TimelineEntry reason, DateTimeOffset now, CancellationToken ct) =>
        _transitions.CloseAsync(cartId, status, reason, now, ct);

    public Task<int> CloseReplacedAsync(long cartId, DateTimeOffset now, CancellationToken ct) =>
        _transitions.CloseReplacedAsync(cartId, now, ct);

    // Events of the hot paths (a restore-link click) share commits with the other writes queued at the same moment.
    public Task AddEventAsync(CartEvent cartEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cartEvent);
        return _commits.RunAsync(async (db, transaction) =>
        {
            await CartEventWriter.AddAsync(db, transaction, cartEvent, CancellationToken.None);
            return true;
        }, ct);
    }

    public async Task<IReadOnlyList<CartEvent>> GetTimelineAsync(long cartId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<CartEventRow>(new CommandDefinition(TimelineSql, new { CartId = cartId }, cancellationToken: ct));
        return rows.Select(r => r.ToEvent()).ToList();
    }

    private sealed record RefRow(long StoreId, string Ref, long CartId);
}
