using CartRecovery.Core.Accounts;
using CartRecovery.Core.Stores;
using CartRecovery.Data.Accounts;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Stores;

/// <summary>Connected shops, keyed by (platform, external id).</summary>
internal sealed class StoreRepository : IStoreRepository
{
    private const string GetSql = $"SELECT {StoreRow.Columns} FROM stores WHERE id = @Id";
    private const string FindSql = $"SELECT {StoreRow.Columns} FROM stores WHERE platform = @Platform AND external_id = @ExternalId";
    private const string FindByPublicKeySql = $"SELECT {StoreRow.Columns} FROM stores WHERE public_key = @PublicKey";
    private const string ListSql = $"SELECT {StoreRow.Columns} FROM stores ORDER BY name, id";
    private const string ListForAccountSql = $"SELECT {StoreRow.Columns} FROM stores WHERE account_id = @AccountId ORDER BY name, id";
    private const string SetAccountSql = "UPDATE stores SET account_id = @AccountId WHERE id = @Id";

    /// <summary>How long <see cref="GetRecentAsync"/> uses a store it read.</summary>
    public static readonly TimeSpan RecentFor = TimeSpan.FromSeconds(5);

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;
    private readonly RecentReads<long, Store> _recent;

    public StoreRepository(IDbConnectionFactory connections, SqlDialect dialect, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(time);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
        _recent = new(time, RecentFor);
    }

    public async Task<Store?> GetAsync(long storeId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<StoreRow>(new CommandDefinition(GetSql, new { Id = storeId }, cancellationToken: ct));
        return row?.ToStore();
    }

    public Task<Store?> GetRecentAsync(long storeId, CancellationToken ct) => _recent.GetAsync(storeId, () => GetAsync(storeId, ct));

    public async Task<Store?> FindAsync(string platform, string externalId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<StoreRow>(new CommandDefinition(FindSql,
            new { Platform = platform, ExternalId = externalId }, cancellationToken: ct));
        return row?.ToStore();
    }

    public async Task<Store?> FindByPublicKeyAsync(string publicKey, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var row = await db.QuerySingleOrDefaultAsync<StoreRow>(new CommandDefinition(FindByPublicKeySql, new { PublicKey = publicKey }, cancellationToken: ct));
        return row?.ToStore();
    }

    public async Task<IReadOnlyList<Store>> ListAsync(CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<StoreRow>(new CommandDefinition(ListSql, cancellationToken: ct));
        return rows.Select(r => r.ToStore()).ToList();
    }

    public async Task<IReadOnlyList<Store>> ListForAccountAsync(long accountId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<StoreRow>(new CommandDefinition(ListForAccountSql, new { AccountId = accountId }, cancellationToken: ct));
        return rows.Select(r => r.ToStore()).ToList();
    }

    /// <summary>
    /// Creates or updates the store; an update keeps the stored id and creation time, and its account unless one is given.
    /// A new store without an account gets a merchant account named after it, in the same transaction.
    /// </summary>
    public async Task<Store> UpsertAsync(Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var db = await _connections.OpenAsync(ct);
        await using var tx = await _dialect.BeginWriteAsync(db, ct);
        var id = await db.ExecuteScalarAsync<long>(new CommandDefinition(_dialect.UpsertStore, StoreRow.From(store), tx, cancellationToken: ct));
        var row = await db.QuerySingleAsync<StoreRow>(new CommandDefinition(GetSql, new { Id = id }, tx, cancellationToken: ct));
        if (row.AccountId is null)
        {
            // Only a row this transaction inserted has no account, and it stays invisible (and locked) until the commit:
            // a concurrent upsert of the same store waits, then keeps this account.
            row.AccountId = await db.ExecuteScalarAsync<long>(new CommandDefinition(_dialect.InsertReturningId(AccountRow.InsertSql),
                new { row.Name, Kind = (long)AccountKind.Merchant, row.CreatedAt }, tx, cancellationToken: ct));
            await db.ExecuteAsync(new CommandDefinition(SetAccountSql, new { row.AccountId, row.Id }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        // After the commit: a read between the two would remember the old row again.
        _recent.Forget(row.Id);
        return row.ToStore();
    }
}
