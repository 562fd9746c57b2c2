using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Sequences;

/// <summary>A customer's history is what our own data shows of their address: earlier carts, orders and offers.</summary>
internal sealed class CustomerHistory : ICustomerHistory
{
    // Uses ix_carts_store_email_normalized.
    private const string ReturningSql = """
        SELECT COUNT(*) FROM carts
        WHERE store_id = @StoreId AND email_normalized = @Email AND id <> @CartId AND converted_at IS NOT NULL
        """;

    // The last offer sent to the address by another cart (ix_messages_recipient_normalized_sent_at), then its carts in
    // the group (ix_carts_store_email_normalized): abandoned since the window without an order, and ordered ever.
    private const string LastOfferSql = """
        SELECT MAX(sent_at) FROM messages
        WHERE recipient_normalized = @Email AND sent_at IS NOT NULL AND status = @Sent AND offer_code IS NOT NULL
          AND cart_id <> @CartId AND store_id IN @StoreIds
        """;

    private const string CartsSql = """
        SELECT
            COALESCE(SUM(CASE WHEN converted_at IS NULL AND abandoned_at >= @Since THEN 1 ELSE 0 END), 0) AS abandoned,
            COALESCE(SUM(CASE WHEN converted_at IS NOT NULL AND id <> @CartId THEN 1 ELSE 0 END), 0) AS ordered
        FROM carts
        WHERE email_normalized = @Email AND store_id IN @StoreIds
        """;

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public CustomerHistory(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        _connections = connections;
        _dialect = dialect;
    }

    public async Task<bool> IsReturningAsync(Cart cart, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (EmailNormalizer.Normalize(cart.Contact.Email) is not { } email)
            return false;
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteScalarAsync<long>(new CommandDefinition(ReturningSql, new { cart.StoreId, Email = email, CartId = cart.Id }, cancellationToken: ct)) > 0;
    }

    public async Task<CustomerOfferHistory> OfferHistoryAsync(Cart cart, IReadOnlyList<long> storeIds, DateTimeOffset since, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(storeIds);
        if (storeIds.Count == 0 || EmailNormalizer.Normalize(cart.Contact.Email) is not { } email)
            return new(null, 0, 0);
        var args = new { Email = email, CartId = cart.Id, StoreIds = storeIds.ToArray(), Since = DbTime.ToDb(since), Sent = (int)MessageStatus.Sent };
        await using var db = await _connections.OpenAsync(ct);
        var lastOffer = await db.ExecuteScalarAsync<long?>(new CommandDefinition(_dialect.ListParameter(LastOfferSql), args, cancellationToken: ct));
        var counts = await db.QuerySingleAsync<CartCounts>(new CommandDefinition(_dialect.ListParameter(CartsSql), args, cancellationToken: ct));
        return new(DbTime.FromDb(lastOffer), (int)counts.Abandoned, (int)counts.Ordered);
    }

    private sealed class CartCounts
    {
        public long Abandoned { get; set; }
        public long Ordered { get; set; }
    }
}
