using System.Reflection;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Data.Accounts;
using CartRecovery.Data.Carts;
using CartRecovery.Data.Messages;
using CartRecovery.Data.Sms;
using CartRecovery.Data.Sequences;
using CartRecovery.Data.Stores;
using CartRecovery.Data.Suppression;
using Dapper;

namespace CartRecovery.Data.Tests.Performance;

/// <summary>
/// The hot paths' queries (webhook ingest and processing, abandonment detection, dispatch, the restore redirect, provider
/// events, signed-in requests) must find their rows through an index on every engine, whatever the table's size: an index
/// dropped or a query rewritten so it no longer fits one fails here, not at a million carts in production. Each query is
/// the repository's own text (read from its constant), planned by the engine: SQLite's <c>EXPLAIN QUERY PLAN</c> may not
/// <c>SCAN</c> a table; PostgreSQL's <c>EXPLAIN</c>, with sequential scans priced out (an empty table is otherwise cheaper
/// to scan), may not show a <c>Seq Scan</c>.
/// </summary>
public abstract class QueryPlanContract : DatabaseContract
{
    protected static readonly DateTimeOffset At = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> HotQueries => new(Queries.Keys.Order(StringComparer.Ordinal));

    protected static readonly object ClaimParameters = new
    {
        Claimer = "node", Now = Ms(At), LeaseUntil = Ms(At.AddMinutes(5)), Batch = 100,
        Pending = (int)MessageStatus.Pending, Claimed = (int)MessageStatus.Claimed,
    };

    private static readonly Dictionary<string, (Func<TestDatabase, string> Sql, object Parameters)> Queries = new(StringComparer.Ordinal)
    {
        ["ingest: store by platform and shop"] = (_ => Const<StoreRepository>("FindSql"), new { Platform = "shopify", ExternalId = "shop.myshopify.com" }),
        ["capture and SMS inbound: store by public key"] = (_ => Const<StoreRepository>("FindByPublicKeySql"), new { PublicKey = "pk_x" }),
        ["processing: claim webhook deliveries"] = (db => db.Dialect.ClaimWebhookDeliveries,
            new { LeaseUntil = Ms(At.AddMinutes(1)), Pending = 0, Now = Ms(At), Batch = 100 }),
        ["processing: cart by store and checkout"] = (_ => Const<CartRepository>("FindSql"), new { StoreId = 1L, ExternalId = "checkout-1" }),
        ["processing: cart by any of its references"] = (_ => Const<CartRepository>("FindByRefSql"), new { StoreId = 1L, Ref = "token-1" }),
        ["processing: carts by a checkout's key and references"] = (_ => Const<CartRepository>("FindByRefsSql"),
            new { StoreId = 1L, Refs = new[] { "checkout-1", "token-1" } }),
        ["processing: the customer's open carts"] = (_ => Const<CartTransitions>("OpenCartsOfCustomerSql"),
            new { Id = 1L, Active = (int)CartStatus.Active, Abandoned = (int)CartStatus.Abandoned }),
        ["detection: idle carts"] = (_ => Const<CartRepository>("FindIdleSql"), new { Active = (int)CartStatus.Active, Now = Ms(At) }),
        ["dispatch: claim due messages"] = (db => db.Dialect.ClaimDueMessages, ClaimParameters),
        ["dispatch: claim messages whose lease ran out"] = (db => db.Dialect.ClaimExpiredMessageLeases, ClaimParameters),
        ["dispatch: is the address suppressed"] = (_ => Const<SuppressionList>("ExistsSql"), new { StoreId = 1L, Email = "ada@example.com" }),
        ["dispatch: which of the batch's addresses are suppressed"] = (_ => Const<SuppressionList>("SuppressedAmongSql"),
            new { StoreId = 1L, Emails = new[] { "ada@example.com", "bob@example.com" } }),
        ["dispatch: emails sent to the batch's addresses in the account (frequency cap)"] = (_ => Const<MessageRepository>("CountEmailsSentSql"),
            new { Emails = new[] { "ada@example.com", "bob@example.com" }, Since = Ms(At.AddDays(-7)), Sent = (int)MessageStatus.Sent, Kind = 0, StoreIds = new[] { 1L, 2L } }),
        ["dispatch: first email step of the batch's carts"] = (_ => Const<MessageRepository>("FirstEmailStepsSql"),
            new { CartIds = new[] { 1L, 2L }, Kind = 0 }),
        ["dispatch: is the number suppressed"] = (_ => Const<SmsSuppressionList>("ExistsSql"), new { StoreId = 1L, Phone = "+33612345678" }),
        ["dispatch: last offer to the address in the account"] = (_ => Const<CustomerHistory>("LastOfferSql"),
            new { Email = "ada@example.com", CartId = 1L, StoreIds = new[] { 1L, 2L }, Sent = (int)MessageStatus.Sent }),
        ["dispatch: the address's carts in the account"] = (_ => Const<CustomerHistory>("CartsSql"),
            new { Email = "ada@example.com", CartId = 1L, StoreIds = new[] { 1L, 2L }, Since = Ms(At.AddDays(-30)) }),
        ["redirect and unsubscribe: message with its cart"] = (_ => Const<MessageRepository>("GetLinkSql"), new { Id = 1L }),
        ["redirect: store by id"] = (_ => Const<StoreRepository>("GetSql"), new { Id = 1L }),
        ["provider events: message by id"] = (_ => Const<MessageRepository>("GetSql"), new { Id = 1L }),
        ["dispatch: cart by id"] = (_ => Const<CartRepository>("GetSql"), new { Id = 1L }),
        ["provider events: message by provider id"] = (_ => Const<MessageRepository>("FindByProviderIdSql"), new { ProviderId = "pm-1" }),
        ["cart page: messages of a cart"] = (_ => Const<MessageRepository>("ListForCartSql"), new { CartId = 1L }),
        ["cart page: timeline of a cart"] = (_ => Const<CartRepository>("TimelineSql"), new { CartId = 1L }),
        ["signed-in request: session by token"] = (_ => Const<SessionRepository>("FindSql"), new { TokenHash = new byte[32] }),
        ["API request: key by prefix"] = (_ => Const<ApiKeyRepository>("FindByPrefixSql"), new { Prefix = "cr_live_x" }),
    };

    [Theory]
    [MemberData(nameof(HotQueries))]
    public async Task HotQuery_IsPlannedWithoutScanningATable(string query)
    {
        var (sql, parameters) = Queries[query];

        var plan = await PlanAsync(sql(Db), parameters);

        var scans = plan.Where(IsTableScan).ToList();
        Assert.True(scans.Count == 0, $"{query} scans a table on {Db.Dialect.Name}:\n{string.Join('\n', plan)}");
    }

    // One claim over "(due pending) OR (expired lease)" had PostgreSQL OR two bitmap scans on status alone and read every
    // pending message, the whole backlog of scheduled steps, to keep the due ones. Each claim reads its own index only.
    [Fact]
    public async Task MessageClaims_DueAndExpiredLeases_EachReadTheirOwnIndexAndNoOther()
    {
        var due = await PlanAsync(Db.Dialect.ClaimDueMessages, ClaimParameters);
        var expired = await PlanAsync(Db.Dialect.ClaimExpiredMessageLeases, ClaimParameters);

        Assert.True(due.Any(s => s.Contains("ix_messages_status_due_at", StringComparison.Ordinal))
            && !due.Any(s => s.Contains("ix_messages_status_lease_until", StringComparison.Ordinal)), string.Join('\n', due));
        Assert.True(expired.Any(s => s.Contains("ix_messages_status_lease_until", StringComparison.Ordinal))
            && !expired.Any(s => s.Contains("ix_messages_status_due_at", StringComparison.Ordinal)), string.Join('\n', expired));
    }

    [Fact]
    public async Task Plan_OfAQueryWithoutAnIndex_ShowsTheScan()
    {
        // The check itself can fail: a filter on a column no index covers is a scan on every engine.
        var plan = await PlanAsync("SELECT id FROM carts WHERE currency = @Currency", new { Currency = "EUR" });

        Assert.Contains(plan, IsTableScan);
    }

    protected async Task<IReadOnlyList<string>> PlanAsync(string sql, object parameters)
    {
        await using var db = await Db.Connections.OpenAsync(Ct);
        if (Db.Dialect.Name == StorageOptions.Sqlite)
        {
            var rows = await db.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
                new CommandDefinition("EXPLAIN QUERY PLAN " + sql, parameters, cancellationToken: Ct));
            return [.. rows.Select(r => r.Detail)];
        }
        await db.ExecuteAsync(new CommandDefinition("SET enable_seqscan = off", cancellationToken: Ct));
        return [.. await db.QueryAsync<string>(new CommandDefinition("EXPLAIN " + Db.Dialect.ListParameter(sql), parameters, cancellationToken: Ct))];
    }

    // SQLite: "SCAN c" or "SCAN carts" (a whole table; "SCAN ... USING INDEX" reads a whole index, as bad at a million rows).
    // PostgreSQL: "Seq Scan on carts c".
    private static bool IsTableScan(string step) =>
        step.TrimStart().StartsWith("SCAN ", StringComparison.Ordinal) || step.Contains("Seq Scan on ", StringComparison.Ordinal);

    protected static string Const<T>(string name) =>
        typeof(T).GetField(name, BindingFlags.NonPublic | BindingFlags.Static)?.GetRawConstantValue() as string
        ?? throw new InvalidOperationException($"{typeof(T).Name}.{name} is not a SQL constant any more: point this test at the query's new home.");

    protected static long Ms(DateTimeOffset at) => DbTime.ToDb(at);
}
