using System.Data.Common;
using CartRecovery.Core.Carts;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Carts;

/// <summary>Loads carts with their lines in two set-based queries (carts, then the lines of all of them).</summary>
internal static class CartReader
{
    private const string LinesSql = """
        SELECT cart_id, position, title, quantity, unit_price_minor, product_id, variant_id, sku, variant_title,
               image_url, product_url
        FROM cart_lines
        WHERE cart_id IN @CartIds
        ORDER BY cart_id, position
        """;

    public static async Task<Cart?> SingleAsync(SqlDialect dialect, DbConnection db, DbTransaction? tx, string sql, object param, CancellationToken ct)
    {
        var carts = await ListAsync(dialect, db, tx, sql, param, ct);
        return carts.Count == 0 ? null : carts[0];
    }

    public static async Task<IReadOnlyList<Cart>> ListAsync(SqlDialect dialect, DbConnection db, DbTransaction? tx, string sql, object param, CancellationToken ct)
    {
        var rows = (await db.QueryAsync<CartRow>(new CommandDefinition(sql, param, tx, cancellationToken: ct))).AsList();
        if (rows.Count == 0)
            return [];

        var lines = (await db.QueryAsync<CartLineRow>(new CommandDefinition(
                dialect.ListParameter(LinesSql), new { CartIds = rows.Select(r => r.Id).ToArray() }, tx, cancellationToken: ct)))
            .ToLookup(l => l.CartId, l => l.ToLine());
        return rows.Select(r => r.ToCart(lines[r.Id].ToList())).ToList();
    }
}
