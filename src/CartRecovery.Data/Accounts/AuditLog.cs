using CartRecovery.Core.Accounts;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Accounts;

/// <summary>The audit log of every account in <c>audit_log</c>, read newest first.</summary>
internal sealed class AuditLog : IAuditLog
{
    private const string InsertSql = """
        INSERT INTO audit_log (account_id, store_id, at, actor_kind, actor_id, actor_label, action, target, before_json, after_json)
        VALUES (@AccountId, @StoreId, @At, @ActorKind, @ActorId, @ActorLabel, @Action, @Target, @BeforeJson, @AfterJson)
        """;

    private const string ListSql = $"SELECT {AuditEntryRow.Columns} FROM audit_log WHERE account_id = @AccountId ORDER BY at DESC, id DESC";
    private const string PurgeSql = "DELETE FROM audit_log WHERE at < @Before";

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public AuditLog(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
    }

    public async Task AppendAsync(AuditEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var db = await _connections.OpenAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(InsertSql, AuditEntryRow.From(entry), cancellationToken: ct));
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(long accountId, int skip, int take, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<AuditEntryRow>(new CommandDefinition(_dialect.Page(ListSql),
            new { AccountId = accountId, Skip = skip, Take = take }, cancellationToken: ct));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    public async Task<int> PurgeAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(PurgeSql, new { Before = DbTime.ToDb(before) }, cancellationToken: ct));
    }
}
