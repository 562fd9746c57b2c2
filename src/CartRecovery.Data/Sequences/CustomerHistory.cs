using CartRecovery.Core.Carts;
using CartRecovery.Core.Sequences;
using CartRecovery.Data.Connections;
using Dapper;

namespace CartRecovery.Data.Sequences;

/// <summary>"Returning" is what our own data shows: an earlier cart of the same address in the same store ended in an order.</summary>
internal sealed class CustomerHistory : ICustomerHistory
{
    // Uses ix_carts_store_email_normalized.
    private const string Sql = """
        SELECT COUNT(*) FROM carts
        WHERE store_id = @StoreId AND email_normalized = @Email AND id <> @CartId AND converted_at IS NOT NULL
        """;

    private readonly IDbConnectionFactory _connections;

    public CustomerHistory(IDbConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        _connections = connections;
    }

    public async Task<bool> IsReturningAsync(Cart cart, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (EmailNormalizer.Normalize(cart.Contact.Email) is not { } email)
            return false;
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteScalarAsync<long>(new CommandDefinition(Sql, new { cart.StoreId, Email = email, CartId = cart.Id }, cancellationToken: ct)) > 0;
    }
}
