using CartRecovery.Core.Email;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Templates;

/// <summary>
/// Per-store template overrides, one row per (store, name, locale, part). A store's list is kept for a few seconds:
/// every email a dispatch batch renders asks for it. Saves and deletes through this repository drop it at once; a change
/// made on another node is seen within <see cref="RecentFor"/>.
/// </summary>
internal sealed class TemplateRepository : ITemplateRepository
{
    public static readonly TimeSpan RecentFor = TimeSpan.FromSeconds(5);

    private const string ListSql = """
        SELECT store_id, name, locale, part, source, updated_at FROM store_templates
        WHERE store_id = @StoreId ORDER BY name, locale, part
        """;

    private const string DeleteSql = """
        DELETE FROM store_templates WHERE store_id = @StoreId AND name = @Name AND locale = @Locale AND part = @Part
        """;

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;
    private readonly RecentReads<long, IReadOnlyList<StoreTemplate>> _recent;

    public TemplateRepository(IDbConnectionFactory connections, SqlDialect dialect, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(time);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
        _recent = new(time, RecentFor);
    }

    public async Task<IReadOnlyList<StoreTemplate>> ListAsync(long storeId, CancellationToken ct) =>
        (await _recent.GetAsync(storeId, () => ReadAsync(storeId, ct)))!;

    private async Task<IReadOnlyList<StoreTemplate>?> ReadAsync(long storeId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<StoreTemplateRow>(new CommandDefinition(ListSql, new { StoreId = storeId }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToStoreTemplate())];
    }

    public async Task SaveAsync(StoreTemplate storeTemplate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(storeTemplate);
        await using var db = await _connections.OpenAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(_dialect.UpsertStoreTemplate, new
        {
            storeTemplate.StoreId, storeTemplate.Name, storeTemplate.Locale, storeTemplate.Part, storeTemplate.Source,
            UpdatedAt = DbTime.ToDb(storeTemplate.UpdatedAt),
        }, cancellationToken: ct));
        _recent.Forget(storeTemplate.StoreId);
    }

    public async Task<bool> DeleteAsync(long storeId, string name, string locale, string part, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var deleted = await db.ExecuteAsync(new CommandDefinition(DeleteSql,
            new { StoreId = storeId, Name = name, Locale = locale, Part = part }, cancellationToken: ct)) > 0;
        _recent.Forget(storeId);
        return deleted;
    }
}
