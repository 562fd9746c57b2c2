using System.Data.Common;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Data.Carts;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Messages;

/// <summary>
/// The due-message queue. Every write after a claim is guarded by <c>status = Claimed AND claimed_by = @Claimer</c>,
/// so a dispatcher whose lease ran out (and whose message was claimed again) cannot overwrite the newer claim. The
/// claim adds one to <c>unfinished_attempts</c> and every outcome resets it, so the count is right across nodes.
/// </summary>
internal sealed class MessageRepository : IMessageRepository
{
    private const string ClaimGuard = "WHERE id = @Id AND status = @Claimed AND claimed_by = @Claimer";

    private const string MarkSentSql = $"""
        UPDATE messages
        SET status = @Sent, recipient = @Recipient, recipient_normalized = @RecipientNormalized,
            provider_message_id = @ProviderMessageId, sent_at = @SentAt, last_error = NULL, lease_until = NULL, unfinished_attempts = 0
        {ClaimGuard}
        """;

    private const string MarkRetrySql = $"""
        UPDATE messages SET status = @Pending, due_at = @RetryAt, last_error = @LastError, claimed_by = NULL, lease_until = NULL,
            unfinished_attempts = 0
        {ClaimGuard}
        """;

    private const string MarkFailedSql = $"""
        UPDATE messages SET status = @Failed, last_error = @LastError, lease_until = NULL, unfinished_attempts = 0
        {ClaimGuard}
        """;

    private const string MarkCancelledSql = $"""
        UPDATE messages SET status = @Cancelled, last_error = @Reason, lease_until = NULL, unfinished_attempts = 0
        {ClaimGuard}
        """;

    private const string QuarantineSql = $"""
        UPDATE messages SET status = @Quarantined, last_error = @Reason, lease_until = NULL
        {ClaimGuard}
        """;

    private const string CountQuarantinedSql = "SELECT COUNT(*) FROM messages WHERE status = @Quarantined";
    private const string CountQuarantinedInSql = $"{CountQuarantinedSql} AND store_id IN @StoreIds";

    private const string SetOfferCodeSql = $"""
        UPDATE messages SET offer_code = @Code, offer_expires_at = @ExpiresAt,
            offer_kind = @OfferKind, offer_value = @OfferValue, offer_valid_for_ms = @OfferValidForMs
        {ClaimGuard}
        """;

    private const string GetSql = $"SELECT {MessageRow.Columns} FROM messages WHERE id = @Id";

    // A link click's one read (restore redirect, unsubscribe page), narrow on purpose: compiling a statement costs more with
    // every column named (the message, cart and store rows in full took SQLite ~190 µs), and SQLite keeps it compiled only
    // where the factory can (IPreparedReads).
    private const string GetLinkSql = """
        SELECT m.id AS message_id, m.store_id, m.step, m.kind, m.offer_code, m.recipient,
               c.id AS cart_id, c.external_id, c.status, c.restore_url, c.currency, c.email, c.locale
        FROM messages m
        JOIN carts c ON c.id = m.cart_id
        WHERE m.id = @Id
        """;

    private const string ListForCartSql = $"SELECT {MessageRow.Columns} FROM messages WHERE cart_id = @CartId ORDER BY step";

    // Releasing gives the attempt back: the claim counted one, but nothing was tried (the store's sending is paused).
    private const string ReleaseSql = $"""
        UPDATE messages SET status = @Pending, due_at = @RetryAt, attempts = attempts - 1, claimed_by = NULL, lease_until = NULL,
            unfinished_attempts = 0
        {ClaimGuard}
        """;

    private const string FindByProviderIdSql = $"SELECT {MessageRow.Columns} FROM messages WHERE provider_message_id = @ProviderId";
    private const string RecordDeliveredSql = "UPDATE messages SET delivered_at = @At WHERE id = @Id AND delivered_at IS NULL";
    private const string RecordProviderStatusSql = """
        UPDATE messages SET provider_status = @Status, last_error = COALESCE(@LastError, last_error)
        WHERE id = @Id AND (provider_status IS NULL OR provider_status IN @Replaces)
        """;
    private const string RecordOpenSql = "UPDATE messages SET opened_at = @At WHERE id = @Id AND opened_at IS NULL";
    private const string RecordClickSql = "UPDATE messages SET clicked_at = @At WHERE id = @Id AND clicked_at IS NULL";

    // Served by ix_messages_recipient_normalized_sent_at; the store list is the frequency cap's group (a few stores), the
    // addresses a dispatch batch's. The unary plus keeps SQLite (which plans by rules, without statistics) off the
    // (store_id, sent_at) index: that one reads every email the store sent in the window, the address's index reads
    // these customers' few.
    private const string CountEmailsSentSql = """
        SELECT recipient_normalized, COUNT(*) FROM messages
        WHERE recipient_normalized IN @Emails AND sent_at >= @Since AND status = @Sent AND kind = @Kind AND +store_id IN @StoreIds
        GROUP BY recipient_normalized
        """;

    private const string FirstEmailStepsSql = """
        SELECT cart_id, MIN(step) FROM messages WHERE cart_id IN @CartIds AND kind = @Kind GROUP BY cart_id
        """;

    // The ledger of sent emails (email_sends) outlives the messages: erasure and retention delete those.
    private const string CountStoreEmailsSentSql = """
        SELECT COUNT(*) FROM email_sends WHERE store_id = @StoreId AND sent_at >= @Start AND sent_at < @Until
        """;

    private const string RecordEmailSendSql = """
        INSERT INTO email_sends (message_id, store_id, sent_at)
        SELECT id, store_id, sent_at FROM messages
        WHERE id = @Id AND kind = @Kind AND NOT EXISTS (SELECT 1 FROM email_sends WHERE message_id = @Id)
        """;

    private const string CancelForStoreSql = """
        UPDATE messages SET status = @Cancelled, last_error = @Reason
        WHERE store_id = @StoreId AND (status = @Pending OR status = @Claimed)
        """;

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;
    private readonly GroupCommit _commits;
    private readonly LinksFollowed _linksFollowed = new();

    public MessageRepository(IDbConnectionFactory connections, SqlDialect dialect, GroupCommit commits)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(commits);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
        _commits = commits;
    }

    public Task<IReadOnlyList<OutboundMessage>> ClaimDueAsync(string claimer, DateTimeOffset now, TimeSpan lease, int batchSize, CancellationToken ct) =>
        ClaimAsync(_dialect.ClaimDueMessages, claimer, now, lease, batchSize, ct);

    public Task<IReadOnlyList<OutboundMessage>> ClaimExpiredAsync(string claimer, DateTimeOffset now, TimeSpan lease, int batchSize, CancellationToken ct) =>
        ClaimAsync(_dialect.ClaimExpiredMessageLeases, claimer, now, lease, batchSize, ct);

    private async Task<IReadOnlyList<OutboundMessage>> ClaimAsync(string sql, string claimer, DateTimeOffset now, TimeSpan lease, int batchSize, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(claimer);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);

        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<MessageRow>(new CommandDefinition(sql, new
        {
            Claimer = claimer,
            Now = DbTime.ToDb(now),
            LeaseUntil = DbTime.ToDb(now + lease),
            Batch = batchSize,
            Pending = (int)MessageStatus.Pending,
            Claimed = (int)MessageStatus.Claimed,
        }, cancellationToken: ct));
        return rows.OrderBy(r => r.DueAt).ThenBy(r => r.Id).Select(r => r.ToMessage()).ToList();
    }

    /// <summary>Marks the message sent and, for an email, records the send in the ledger plans count (one transaction).</summary>
    // A dispatcher records a whole batch's sends side by side: they share commits, each returns once stored.
    public Task<bool> MarkSentAsync(long messageId, string claimer, string? recipient, string? providerMessageId, DateTimeOffset sentAt, CancellationToken ct)
    {
        var parameters = new
        {
            Id = messageId,
            Claimer = claimer,
            Claimed = (int)MessageStatus.Claimed,
            Sent = (int)MessageStatus.Sent,
            Recipient = recipient,
            RecipientNormalized = EmailNormalizer.Normalize(recipient),
            ProviderMessageId = providerMessageId,
            SentAt = DbTime.ToDb(sentAt),
        };
        return _commits.RunAsync(async (db, transaction) =>
        {
            var marked = await db.ExecuteAsync(new CommandDefinition(MarkSentSql, parameters, transaction)) > 0;
            if (marked)
                await db.ExecuteAsync(new CommandDefinition(RecordEmailSendSql, new { Id = messageId, Kind = (int)Core.Sequences.StepKind.Email }, transaction));
            return marked;
        }, ct);
    }

    public Task<bool> MarkFailedAsync(long messageId, string claimer, string lastError, DateTimeOffset? retryAt, CancellationToken ct) =>
        retryAt is { } at
            ? UpdateClaimedAsync(MarkRetrySql, new
            {
                Id = messageId,
                Claimer = claimer,
                Claimed = (int)MessageStatus.Claimed,
                Pending = (int)MessageStatus.Pending,
                RetryAt = DbTime.ToDb(at),
                LastError = lastError,
            }, ct)
            : UpdateClaimedAsync(MarkFailedSql, new
            {
                Id = messageId,
                Claimer = claimer,
                Claimed = (int)MessageStatus.Claimed,
                Failed = (int)MessageStatus.Failed,
                LastError = lastError,
            }, ct);

    public Task<bool> MarkCancelledAsync(long messageId, string claimer, string reason, CancellationToken ct) =>
        UpdateClaimedAsync(MarkCancelledSql, new
        {
            Id = messageId,
            Claimer = claimer,
            Claimed = (int)MessageStatus.Claimed,
            Cancelled = (int)MessageStatus.Cancelled,
            Reason = reason,
        }, ct);

    public Task<bool> QuarantineAsync(long messageId, string claimer, string reason, CancellationToken ct) =>
        UpdateClaimedAsync(QuarantineSql, new
        {
            Id = messageId,
            Claimer = claimer,
            Claimed = (int)MessageStatus.Claimed,
            Quarantined = (int)MessageStatus.Quarantined,
            Reason = reason,
        }, ct);

    public async Task<int> CountQuarantinedAsync(IReadOnlyCollection<long>? storeIds, CancellationToken ct)
    {
        if (storeIds is { Count: 0 })
            return 0;
        await using var db = await _connections.OpenAsync(ct);
        return (int)await db.ExecuteScalarAsync<long>(new CommandDefinition(
            storeIds is null ? CountQuarantinedSql : _dialect.ListParameter(CountQuarantinedInSql),
            new { StoreIds = storeIds?.ToArray(), Quarantined = (int)MessageStatus.Quarantined }, cancellationToken: ct));
    }

    public Task<bool> SetOfferCodeAsync(long messageId, string claimer, OfferSpec offer, string code, DateTimeOffset expiresAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return UpdateClaimedAsync(SetOfferCodeSql, new
        {
            Id = messageId,
            Claimer = claimer,
            Claimed = (int)MessageStatus.Claimed,
            Code = code,
            ExpiresAt = DbTime.ToDb(expiresAt),
            OfferKind = (int)offer.Kind,
            OfferValue = offer.Value,
            OfferValidForMs = DbTime.ToDbMs(offer.ValidFor),
        }, ct);
    }

    public async Task<OutboundMessage?> GetAsync(long messageId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<MessageRow>(new CommandDefinition(GetSql, new { Id = messageId }, cancellationToken: ct));
        return row?.ToMessage();
    }

    public async Task<MessageLink?> GetLinkAsync(long messageId, CancellationToken ct)
    {
        if (_connections is IPreparedReads prepared)
            return (await prepared.QueryByIdAsync<MessageLinkRow>(GetLinkSql, messageId, ct))?.ToLink();
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<MessageLinkRow>(new CommandDefinition(GetLinkSql, new { Id = messageId }, cancellationToken: ct));
        return row?.ToLink();
    }

    public async Task<IReadOnlyList<OutboundMessage>> ListForCartAsync(long cartId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<MessageRow>(new CommandDefinition(ListForCartSql, new { CartId = cartId }, cancellationToken: ct));
        return rows.Select(r => r.ToMessage()).ToList();
    }

    public async Task<IReadOnlyDictionary<long, int>> FirstEmailStepsAsync(IReadOnlyCollection<long> cartIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cartIds);
        var steps = new Dictionary<long, int>(cartIds.Count);
        if (cartIds.Count == 0)
            return steps;
        await using var db = await _connections.OpenAsync(ct);
        foreach (var chunk in cartIds.Chunk(SqlDialect.MaxListItems))
        {
            var rows = await db.QueryAsync<(long CartId, int Step)>(new CommandDefinition(_dialect.ListParameter(FirstEmailStepsSql),
                new { CartIds = chunk, Kind = (int)Core.Sequences.StepKind.Email }, cancellationToken: ct));
            foreach (var (cartId, step) in rows)
                steps[cartId] = step;
        }
        return steps;
    }

    public async Task<bool> ReleaseAsync(long messageId, string claimer, DateTimeOffset retryAt, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(ReleaseSql, new
        {
            Id = messageId, Claimer = claimer, RetryAt = DbTime.ToDb(retryAt),
            Pending = (int)MessageStatus.Pending, Claimed = (int)MessageStatus.Claimed,
        }, cancellationToken: ct)) > 0;
    }

    public async Task<OutboundMessage?> FindByProviderIdAsync(string providerMessageId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QueryFirstOrDefaultAsync<MessageRow>(new CommandDefinition(FindByProviderIdSql, new { ProviderId = providerMessageId }, cancellationToken: ct));
        return row?.ToMessage();
    }

    public async Task<bool> RecordDeliveredAsync(long messageId, DateTimeOffset at, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(RecordDeliveredSql, new { Id = messageId, At = DbTime.ToDb(at) }, cancellationToken: ct)) > 0;
    }

    public async Task<bool> RecordProviderStatusAsync(long messageId, string status, IReadOnlyCollection<string> replaces, string? lastError, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        ArgumentNullException.ThrowIfNull(replaces);
        await using var db = await _connections.OpenAsync(ct);
        // An empty IN list is invalid SQL on every engine; a placeholder no status equals keeps one statement.
        string[] earlier = replaces.Count > 0 ? [.. replaces] : [""];
        return await db.ExecuteAsync(new CommandDefinition(_dialect.ListParameter(RecordProviderStatusSql),
            new { Id = messageId, Status = status, Replaces = earlier, LastError = lastError }, cancellationToken: ct)) > 0;
    }

    public async Task<bool> RecordOpenAsync(long messageId, DateTimeOffset at, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(RecordOpenSql, new { Id = messageId, At = DbTime.ToDb(at) }, cancellationToken: ct)) > 0;
    }

    // Clicks come in bursts (a campaign's emails are opened together): they share commits, each returns once stored.
    public Task<bool> RecordClickAsync(long messageId, DateTimeOffset at, CancellationToken ct)
    {
        var parameters = new { Id = messageId, At = DbTime.ToDb(at) };
        return _commits.RunAsync(async (db, transaction) =>
            await db.ExecuteAsync(new CommandDefinition(RecordClickSql, parameters, transaction)) > 0, ct);
    }

    // A burst's clicks run as one batched write (LinksFollowed): each statement is compiled or sent once per commit.
    public Task<bool> RecordLinkFollowedAsync(long messageId, CartEvent clicked, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clicked);
        return _commits.RunAsync(_linksFollowed, (messageId, clicked), ct);
    }

    public async Task<int> CancelPendingForStoreAsync(long storeId, string reason, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(CancelForStoreSql, new
        {
            StoreId = storeId,
            Reason = reason,
            Cancelled = (int)MessageStatus.Cancelled,
            Pending = (int)MessageStatus.Pending,
            Claimed = (int)MessageStatus.Claimed,
        }, cancellationToken: ct));
    }

    public async Task<IReadOnlyDictionary<string, int>> CountEmailsSentAsync(IReadOnlyCollection<long> storeIds, IReadOnlyCollection<string> emails,
        DateTimeOffset since, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(storeIds);
        ArgumentNullException.ThrowIfNull(emails);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var normalized = EmailNormalizer.NormalizeDistinct(emails);
        if (storeIds.Count == 0 || normalized.Length == 0)
            return counts;
        await using var db = await _connections.OpenAsync(ct);
        // The cap group is a few stores: the addresses take the rest of a statement's parameters.
        foreach (var chunk in normalized.Chunk(SqlDialect.MaxListItems))
        {
            var rows = await db.QueryAsync<(string Email, long Count)>(new CommandDefinition(_dialect.ListParameter(CountEmailsSentSql), new
            {
                StoreIds = storeIds.ToArray(),
                Emails = chunk,
                Since = DbTime.ToDb(since),
                Sent = (int)MessageStatus.Sent,
                Kind = (int)Core.Sequences.StepKind.Email,
            }, cancellationToken: ct));
            foreach (var (email, count) in rows)
                counts[email] = (int)count;
        }
        return counts;
    }

    public async Task<long> CountStoreEmailsSentAsync(long storeId, DateTimeOffset start, DateTimeOffset until, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteScalarAsync<long>(new CommandDefinition(CountStoreEmailsSentSql, new
        {
            StoreId = storeId,
            Start = DbTime.ToDb(start),
            Until = DbTime.ToDb(until),
        }, cancellationToken: ct));
    }

    private async Task<bool> UpdateClaimedAsync(string sql, object param, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(sql, param, cancellationToken: ct)) > 0;
    }

    /// <summary>
    /// The restore-link clicks queued for one commit: the click updates for all of them, then their timeline entries. A click
    /// is the message's first when its update stored the time.
    /// </summary>
    private sealed class LinksFollowed : IBatchedWrite<(long MessageId, CartEvent Clicked), bool>
    {
        private static readonly (string, Func<(long MessageId, CartEvent Clicked), object?>)[] ClickParameters =
            [("@Id", c => c.MessageId), ("@At", c => DbTime.ToDb(c.Clicked.At))];

        public async Task<IReadOnlyList<bool>> RunAsync(DbConnection db, DbTransaction transaction, IReadOnlyList<(long MessageId, CartEvent Clicked)> items)
        {
            var clicked = await StatementPerRow.ExecuteAsync(db, transaction, RecordClickSql, items, ClickParameters);
            await CartEventWriter.AddEachAsync(db, transaction, [.. items.Select(c => c.Clicked)]);
            return clicked.Select(affected => affected > 0).ToList();
        }
    }
}
