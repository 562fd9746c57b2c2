using System.Text.Json;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Sms;
using CartRecovery.Data.Carts;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Privacy;

/// <summary>
/// Export and erasure of customer data. Erasure deletes rows (lines, messages, timeline, tasks and refs go with their
/// cart through ON DELETE CASCADE) and the stored webhook bodies that mention the customer, in one transaction.
/// </summary>
internal sealed class PrivacyRepository : IPrivacyRepository
{
    private const string CustomerCartsSql = $"SELECT {CartRow.Columns} FROM carts c WHERE c.store_id = @StoreId AND c.email_normalized = @Email ORDER BY c.id";

    private const string CustomerMessagesSql = """
        SELECT m.id, m.cart_id, m.step, m.template, m.status, m.due_at, m.sent_at, m.clicked_at, m.recipient, m.offer_code
        FROM messages m JOIN carts c ON c.id = m.cart_id
        WHERE c.store_id = @StoreId AND c.email_normalized = @Email
        ORDER BY m.id
        """;

    private const string MessageIdsSql = """
        SELECT m.id FROM messages m JOIN carts c ON c.id = m.cart_id
        WHERE c.store_id = @StoreId AND (@Email IS NULL OR c.email_normalized = @Email)
        ORDER BY m.id
        """;

    private const string CustomerSuppressionsSql = "SELECT email, reason, created_at FROM suppressions WHERE store_id = @StoreId AND email_normalized = @Email";

    // The phones as customers typed them, with what reads them: the store's SMS country, else the cart's address.
    private const string CustomerPhonesSql = """
        SELECT c.phone AS Phone, c.country AS Country, s.country AS SmsCountry
        FROM carts c LEFT JOIN store_sms_settings s ON s.store_id = c.store_id
        WHERE c.store_id = @StoreId AND c.email_normalized = @Email AND c.phone IS NOT NULL
        """;

    private const string CustomerSmsSuppressionsSql = "SELECT phone, reason, created_at FROM sms_suppressions WHERE store_id = @StoreId AND phone IN @Phones";

    private const string EraseCustomerSmsSuppressionsSql = "DELETE FROM sms_suppressions WHERE store_id = @StoreId AND phone IN @Phones";

    private const string EraseCustomerCartsSql = "DELETE FROM carts WHERE store_id = @StoreId AND email_normalized = @Email";

    // Tasks and timeline go first, explicitly: on SQL Server their message_id keys cannot cascade (a second cascade path).
    private static readonly string[] EraseCustomerSql =
    [
        "DELETE FROM follow_up_tasks WHERE cart_id IN (SELECT id FROM carts WHERE store_id = @StoreId AND email_normalized = @Email)",
        "DELETE FROM cart_events WHERE cart_id IN (SELECT id FROM carts WHERE store_id = @StoreId AND email_normalized = @Email)",
        EraseCustomerCartsSql,
        "DELETE FROM suppressions WHERE store_id = @StoreId AND email_normalized = @Email",
        "DELETE FROM data_exports WHERE store_id = @StoreId AND lower(email) = @Email",
        // Stored payloads (checkouts, orders) carry the address in any case; the pattern is lower-case, and LIKE is
        // case-sensitive on PostgreSQL (and may be on SQL Server, by collation), so the body is lowered too.
        "DELETE FROM webhook_deliveries WHERE store_id = @StoreId AND lower(body) LIKE @Pattern ESCAPE '\\'",
        // An audited change may name the customer (a suppression added by hand, its before/after JSON).
        """
        DELETE FROM audit_log WHERE store_id = @StoreId
            AND (lower(target) LIKE @Pattern ESCAPE '\' OR lower(before_json) LIKE @Pattern ESCAPE '\' OR lower(after_json) LIKE @Pattern ESCAPE '\')
        """,
    ];

    private static readonly string[] EraseStoreSql =
    [
        "DELETE FROM follow_up_tasks WHERE store_id = @StoreId",
        "DELETE FROM cart_events WHERE cart_id IN (SELECT id FROM carts WHERE store_id = @StoreId)",
        "DELETE FROM carts WHERE store_id = @StoreId",
        "DELETE FROM suppressions WHERE store_id = @StoreId",
        "DELETE FROM sms_suppressions WHERE store_id = @StoreId",
        "DELETE FROM data_exports WHERE store_id = @StoreId",
        "DELETE FROM webhook_deliveries WHERE store_id = @StoreId",
        "DELETE FROM connector_state WHERE store_id = @StoreId",
        "DELETE FROM store_credentials WHERE store_id = @StoreId",
        "DELETE FROM audit_log WHERE store_id = @StoreId",
    ];

    private const string ListExportsSql = """
        SELECT store_id, request_id, email, json, created_at FROM data_exports WHERE store_id = @StoreId ORDER BY created_at DESC, request_id
        """;

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public PrivacyRepository(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
    }

    public async Task<CustomerDataExport> ExportCustomerAsync(long storeId, string email, CancellationToken ct)
    {
        var param = new { StoreId = storeId, Email = EmailNormalizer.Normalize(email) ?? "" };
        await using var db = await _connections.OpenAsync(ct);
        var carts = await CartReader.ListAsync(_dialect, db, null, CustomerCartsSql, param, ct);
        var messages = await db.QueryAsync(new CommandDefinition(CustomerMessagesSql, param, cancellationToken: ct));
        var suppressions = await db.QueryAsync(new CommandDefinition(CustomerSuppressionsSql, param, cancellationToken: ct));
        var phones = await PhonesAsync(db, null, storeId, param.Email, ct);
        var smsSuppressions = await db.QueryAsync(new CommandDefinition(_dialect.ListParameter(CustomerSmsSuppressionsSql), new { StoreId = storeId, Phones = phones },
            cancellationToken: ct));
        return new CustomerDataExport(storeId, email,
            carts.Cast<object>().ToList(),
            messages.Select(m => (object)ToDictionary(m)).ToList(),
            suppressions.Select(s => (object)ToDictionary(s)).ToList())
        {
            SmsSuppressions = smsSuppressions.Select(s => (object)ToDictionary(s)).ToList(),
        };
    }

    public async Task<IReadOnlyList<long>> ListMessageIdsAsync(long storeId, string? email, CancellationToken ct)
    {
        var normalized = email is null ? null : EmailNormalizer.Normalize(email);
        if (email is not null && normalized is null)
            return [];
        await using var db = await _connections.OpenAsync(ct);
        var ids = await db.QueryAsync<long>(new CommandDefinition(MessageIdsSql, new { StoreId = storeId, Email = normalized }, cancellationToken: ct));
        return ids.ToList();
    }

    public async Task<int> EraseCustomerAsync(long storeId, string email, CancellationToken ct)
    {
        if (EmailNormalizer.Normalize(email) is not { } normalized)
            return 0;
        var pattern = LikePattern.Containing(normalized);
        await using var db = await _connections.OpenAsync(ct);
        await using var tx = await _dialect.BeginWriteAsync(db, ct);
        // Read before the carts go: their phones name the suppressed numbers to erase with them.
        var phones = await PhonesAsync(db, tx, storeId, normalized, ct);
        await db.ExecuteAsync(new CommandDefinition(_dialect.ListParameter(EraseCustomerSmsSuppressionsSql), new { StoreId = storeId, Phones = phones }, tx,
            cancellationToken: ct));
        var erased = 0;
        foreach (var sql in EraseCustomerSql)
        {
            var count = await db.ExecuteAsync(new CommandDefinition(sql, new { StoreId = storeId, Email = normalized, Pattern = pattern }, tx, cancellationToken: ct));
            if (sql == EraseCustomerCartsSql)
                erased = count;
        }
        await tx.CommitAsync(ct);
        await _dialect.AfterErasureAsync(db, ct);
        return erased;
    }

    /// <summary>
    /// The numbers the customer's carts name, as sms_suppressions keys them (E.164), plus each as typed (trimmed): the
    /// suppression of an unreadable number is keyed by what the provider sent. Never empty (an empty IN list is invalid SQL).
    /// </summary>
    private static async Task<string[]> PhonesAsync(System.Data.Common.DbConnection db, System.Data.Common.DbTransaction? tx,
        long storeId, string email, CancellationToken ct)
    {
        var rows = await db.QueryAsync<PhoneRow>(new CommandDefinition(CustomerPhonesSql, new { StoreId = storeId, Email = email }, tx, cancellationToken: ct));
        var numbers = new HashSet<string>(StringComparer.Ordinal) { "" };
        foreach (var row in rows)
        {
            numbers.Add(row.Phone.Trim());
            if (MobileNumber.Parse(row.Phone, row.SmsCountry ?? row.Country).E164 is { } e164)
                numbers.Add(e164);
        }
        return [.. numbers];
    }

    private sealed class PhoneRow
    {
        public string Phone { get; set; } = "";
        public string? Country { get; set; }
        public string? SmsCountry { get; set; }
    }

    public async Task EraseStoreDataAsync(long storeId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        await using var tx = await _dialect.BeginWriteAsync(db, ct);
        foreach (var sql in EraseStoreSql)
            await db.ExecuteAsync(new CommandDefinition(sql, new { StoreId = storeId }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        await _dialect.AfterErasureAsync(db, ct);
    }

    public async Task RecordExportAsync(long storeId, string requestId, CustomerDataExport data, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        await using var db = await _connections.OpenAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(_dialect.UpsertDataExport, new
        {
            StoreId = storeId,
            RequestId = requestId,
            data.Email,
            Json = JsonSerializer.Serialize(data),
            CreatedAt = DbTime.ToDb(at),
        }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<RecordedExport>> ListExportsAsync(long storeId, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<(long StoreId, string RequestId, string Email, string Json, long CreatedAt)>(
            new CommandDefinition(ListExportsSql, new { StoreId = storeId }, cancellationToken: ct));
        return rows.Select(r => new RecordedExport(r.StoreId, r.RequestId, r.Email, r.Json, DbTime.FromDb(r.CreatedAt))).ToList();
    }

    private static Dictionary<string, object?> ToDictionary(object row) =>
        ((IDictionary<string, object?>)row).ToDictionary(kv => kv.Key, kv => kv.Value);
}
