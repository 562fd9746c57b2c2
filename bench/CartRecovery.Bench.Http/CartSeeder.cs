using System.Data.Common;
using System.Diagnostics;
using CartRecovery.Data.Connections;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Bench.Http;

/// <summary>
/// Fills the host's database with <c>carts</c> carts spread over <c>stores</c> shops (half Shopify, half WooCommerce)
/// and the 90 days before now, as an agency's install looks after a while: lines, references, the processed webhook
/// delivery that made each cart, timeline events, and for the abandoned ones the reminder and offer messages (sent, or
/// pending when not due yet). Set-based SQL, one statement per table (a recursive CTE on SQLite, generate_series on
/// PostgreSQL), so a million carts take a minute or two. The seeded shops are not the bench shops
/// (<see cref="Deliveries"/>): a run's own deliveries and carts can still be counted apart. The seeded shops are marked
/// uninstalled (status 1): shops that do not exist would otherwise each be polled at once by the host, a few hundred
/// failing polls and their retries running through the measurements; no path measured reads the status.
/// </summary>
internal static class CartSeeder
{
    /// <summary>What was seeded, enough to rebuild any seeded row's keys (see <see cref="SeededCart"/>).</summary>
    public sealed record Seeded(int Carts, int Stores, long StoreBase, long CartBase, long StartMs, long StepMs, long NowMs, TimeSpan Took)
    {
        public int Emails => Math.Max(1, Carts * 4 / 5);

        /// <summary>The keys of seeded cart number <paramref name="i"/> (1 to <see cref="Carts"/>), as the statements below make them.</summary>
        public SeededCart Cart(int i)
        {
            var store = (i % Stores) + 1;
            var at = StartMs + (i * StepMs);
            var abandoned = at <= ActiveAfterMs(NowMs) && i % 10 is >= 3 and <= 8;
            return new(CartBase + i, StoreBase + store, store % 2 == 1 ? "shopify" : "woocommerce",
                store % 2 == 1 ? $"growth-{store}.myshopify.com" : $"https://woo-{store}.growth.example", $"gc{i}", $"r1-gc{i}",
                $"shopper{i % Emails}@example.com", i % 5 == 0 ? $"+1555{1_000_000 + i}" : null, $"pk_growth_{store}", abandoned);
        }
    }

    public sealed record SeededCart(long Id, long StoreId, string Platform, string StoreExternalId, string ExternalId, string Reference, string Email, string? Phone,
        string StorePublicKey, bool Abandoned);

    private static readonly TimeSpan Spread = TimeSpan.FromDays(90);

    // Carts updated in the last 10 minutes are still active (the default cut-off is 15): the detection job finds
    // almost nothing to do when the host starts on a seeded database, as in production.
    private static long ActiveAfterMs(long nowMs) => nowMs - (long)TimeSpan.FromMinutes(10).TotalMilliseconds;

    private const string StoresSql = """
        INSERT INTO stores (id, platform, external_id, name, storefront_url, currency, time_zone, locale, abandon_after_ms,
                            sequence, sender_email, sender_name, created_at, status, public_key)
        SELECT @StoreBase + i,
               CASE WHEN i % 2 = 1 THEN 'shopify' ELSE 'woocommerce' END,
               CASE WHEN i % 2 = 1 THEN 'growth-' || i || '.myshopify.com' ELSE 'https://woo-' || i || '.growth.example' END,
               'Growth shop ' || i,
               CASE WHEN i % 2 = 1 THEN 'https://growth-' || i || '.myshopify.com/' ELSE 'https://woo-' || i || '.growth.example/' END,
               'USD', 'UTC', 'en', 900000, 'automated', 'shop' || i || '@growth.example', 'Growth shop ' || i, @StartMs, 1,
               'pk_growth_' || i
        FROM {seq}
        """;

    private const string CartsSql = """
        INSERT INTO carts (id, store_id, external_id, status, email, email_normalized, phone, first_name, last_name, locale,
                           accepts_marketing, currency, subtotal_minor, total_minor, restore_url, platform_created_at,
                           platform_updated_at, abandoned_at, converted_at, order_id, order_total_minor, recovered_by_step,
                           created_at, updated_at, control_group)
        SELECT @CartBase + c.i, s.id, 'gc' || c.i,
               CASE WHEN c.active = 1 THEN 0 WHEN c.kind < 3 THEN 4 WHEN c.kind < 8 THEN 1 WHEN c.kind = 8 THEN 5 ELSE 2 END,
               'shopper' || (c.i % @Emails) || '@example.com', 'shopper' || (c.i % @Emails) || '@example.com',
               CASE WHEN c.i % 5 = 0 THEN '+1555' || (1000000 + c.i) END, 'Ana', 'Berg', 'en-US', 1, 'USD',
               1000 + (c.i % 50) * 100, 1500 + (c.i % 50) * 100,
               s.storefront_url || '1/checkouts/gc' || c.i || '/recover?key=k' || c.i,
               c.at - 600000, c.at,
               CASE WHEN c.active = 0 AND c.kind BETWEEN 3 AND 8 THEN c.at + 900000 END,
               CASE WHEN c.active = 1 THEN NULL WHEN c.kind < 3 THEN c.at + 1800000 WHEN c.kind = 8 THEN c.at + 9000000 END,
               CASE WHEN c.active = 0 AND (c.kind < 3 OR c.kind = 8) THEN 'o' || c.i END,
               CASE WHEN c.active = 0 AND (c.kind < 3 OR c.kind = 8) THEN 1500 + (c.i % 50) * 100 END,
               CASE WHEN c.active = 0 AND c.kind = 8 THEN 1 END,
               c.at, c.at, 0
        FROM (SELECT i, i % 10 AS kind, @StartMs + i * @StepMs AS at, @StoreBase + 1 + i % @Stores AS store_id,
                     CASE WHEN @StartMs + i * @StepMs > @ActiveAfterMs THEN 1 ELSE 0 END AS active
              FROM {seq}) c
        JOIN stores s ON s.id = c.store_id
        """;

    private const string LinesSql = """
        WITH p(position) AS (VALUES (1), (2), (3))
        INSERT INTO cart_lines (cart_id, position, title, quantity, unit_price_minor, product_id, variant_id, sku)
        SELECT c.id, p.position, 'Product ' || ((c.id + p.position) % 500), 1 + c.id % 2, 1000 + (c.id % 50) * 100,
               '' || (100 + (c.id + p.position) % 500), '' || (10000 + (c.id + p.position) % 2000), 'SKU-' || ((c.id + p.position) % 500)
        FROM carts c JOIN p ON p.position <= 1 + c.id % 3
        WHERE c.id > @CartBase
        """;

    private const string RefsSql = """
        WITH p(n) AS (VALUES (1), (2))
        INSERT INTO cart_refs (store_id, ref, cart_id)
        SELECT c.store_id, 'r' || p.n || '-' || c.external_id, c.id FROM carts c JOIN p ON 1 = 1 WHERE c.id > @CartBase
        """;

    // Step 1 (reminder) 1 h and step 2 (offer) 24 h after the abandonment: sent when due, else pending; a recovered cart's
    // offer was cancelled by its order.
    private const string MessagesSql = """
        WITH p(step) AS (VALUES (1), (2))
        INSERT INTO messages (store_id, cart_id, step, kind, template, offer_kind, offer_value, offer_valid_for_ms, due_at,
                              status, attempts, recipient, recipient_normalized, sent_at, provider_message_id, offer_code,
                              offer_expires_at)
        SELECT m.store_id, m.cart_id, m.step, 0, CASE m.step WHEN 1 THEN 'reminder' ELSE 'offer' END,
               CASE m.step WHEN 2 THEN 0 END, CASE m.step WHEN 2 THEN 10 END, CASE m.step WHEN 2 THEN 172800000 END,
               m.due, m.status, CASE m.status WHEN 2 THEN 1 ELSE 0 END,
               CASE m.status WHEN 2 THEN m.email END, CASE m.status WHEN 2 THEN m.email END,
               CASE m.status WHEN 2 THEN m.due END,
               CASE m.status WHEN 2 THEN 'pm-' || m.cart_id || '-' || m.step END,
               CASE WHEN m.status = 2 AND m.step = 2 THEN 'CR-' || m.cart_id END,
               CASE WHEN m.status = 2 AND m.step = 2 THEN m.due + 172800000 END
        FROM (SELECT c.store_id, c.id AS cart_id, c.email, p.step,
                     c.abandoned_at + CASE p.step WHEN 1 THEN 3600000 ELSE 86400000 END AS due,
                     CASE WHEN c.status = 5 AND p.step = 2 THEN 4
                          WHEN c.abandoned_at + CASE p.step WHEN 1 THEN 3600000 ELSE 86400000 END <= @NowMs THEN 2
                          ELSE 0 END AS status
              FROM carts c JOIN p ON 1 = 1
              WHERE c.id > @CartBase AND c.abandoned_at IS NOT NULL) m
        """;

    private const string EventsSql = """
        INSERT INTO cart_events (cart_id, at, kind, detail, message_id)
        SELECT id, platform_created_at, 'captured', 'Cart captured', CAST(NULL AS BIGINT) FROM carts WHERE id > @CartBase
        UNION ALL SELECT id, abandoned_at, 'abandoned', 'Abandoned', NULL FROM carts WHERE id > @CartBase AND abandoned_at IS NOT NULL
        UNION ALL SELECT id, converted_at, 'converted', 'Order placed', NULL FROM carts WHERE id > @CartBase AND converted_at IS NOT NULL
        UNION ALL SELECT cart_id, sent_at, 'message-sent', 'Email sent', id FROM messages WHERE cart_id > @CartBase AND sent_at IS NOT NULL
        """;

    private const string DeliveriesSql = """
        INSERT INTO webhook_deliveries (platform, delivery_id, topic, store_id, shop_ref, body, triggered_at, received_at, status,
                                        attempts, next_attempt_at, processed_at)
        SELECT s.platform, 'seed-' || c.id, CASE s.platform WHEN 'shopify' THEN 'checkouts/update' ELSE 'order.updated' END,
               c.store_id, s.external_id, '', c.platform_updated_at, c.platform_updated_at, 1, 0, c.platform_updated_at,
               c.platform_updated_at
        FROM carts c JOIN stores s ON s.id = c.store_id
        WHERE c.id > @CartBase
        """;

    private const string SuppressionsSql = """
        INSERT INTO suppressions (store_id, email_normalized, email, reason, created_at)
        SELECT DISTINCT store_id, email_normalized, email, 'unsubscribed', @StartMs FROM carts WHERE id > @CartBase AND id % 100 = 0
        """;

    private const string SmsSuppressionsSql = """
        INSERT INTO sms_suppressions (store_id, phone, reason, created_at)
        SELECT store_id, phone, 'STOP', @StartMs FROM carts WHERE id > @CartBase AND phone IS NOT NULL AND id % 200 = 0
        """;

    public static async Task<Seeded> SeedAsync(BenchHost host, int carts, int stores, bool postgres, Action<string>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(carts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stores, 1);
        var took = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var nowMs = now.ToUnixTimeMilliseconds();
        var step = (long)Spread.TotalMilliseconds / carts;
        var seeded = new Seeded(carts, stores, await host.ScalarAsync("SELECT COALESCE(MAX(id), 0) FROM stores"),
            await host.ScalarAsync("SELECT COALESCE(MAX(id), 0) FROM carts"), nowMs - (step * carts), step, nowMs, TimeSpan.Zero);
        var parameters = new
        {
            seeded.StoreBase, seeded.CartBase, seeded.StartMs, seeded.StepMs, NowMs = nowMs, ActiveAfterMs = ActiveAfterMs(nowMs),
            Stores = stores, seeded.Emails,
        };

        await using var db = await host.Services.GetRequiredService<IDbConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var tx = await db.BeginTransactionAsync();
        await RunAsync(db, tx, "stores", Rows(StoresSql, postgres, "@Stores"), parameters, progress);
        await RunAsync(db, tx, "carts", Rows(CartsSql, postgres, "@Carts"), new { parameters.StoreBase, parameters.CartBase, parameters.StartMs,
            parameters.StepMs, parameters.ActiveAfterMs, parameters.Stores, parameters.Emails, Carts = carts }, progress);
        foreach (var (table, sql) in new[]
                 {
                     ("cart_lines", LinesSql), ("cart_refs", RefsSql), ("messages", MessagesSql), ("cart_events", EventsSql),
                     ("webhook_deliveries", DeliveriesSql), ("suppressions", SuppressionsSql), ("sms_suppressions", SmsSuppressionsSql),
                 })
            await RunAsync(db, tx, table, sql, parameters, progress);
        if (postgres)
        {
            // Explicit ids leave the identity sequences behind; the next row the host inserts must not collide.
            foreach (var table in new[] { "stores", "carts" })
                await db.ExecuteAsync(new CommandDefinition($"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))", transaction: tx));
        }
        await tx.CommitAsync();
        if (postgres)
        {
            // Autovacuum would have analysed tables this size long before; the plans are then the production ones.
            // (One word: Dapper would take it for a stored procedure's name unless told it is text.)
            await db.ExecuteAsync(new CommandDefinition("ANALYZE", commandTimeout: 600, commandType: System.Data.CommandType.Text));
        }
        return seeded with { Took = took.Elapsed };
    }

    private static async Task RunAsync(DbConnection db, DbTransaction tx, string table, string sql, object parameters, Action<string>? progress)
    {
        var took = Stopwatch.StartNew();
        var rows = await db.ExecuteAsync(new CommandDefinition(sql, parameters, tx, commandTimeout: 1800));
        progress?.Invoke($"  {table}: {rows:N0} rows in {took.Elapsed.TotalSeconds:0.0} s");
    }

    // The only difference between the engines: where the numbers 1..N come from.
    private static string Rows(string sql, bool postgres, string count) => postgres
        ? sql.Replace("{seq}", $"generate_series(1, {count}) AS seq(i)", StringComparison.Ordinal)
        : $"WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < {count}) "
          + sql.Replace("{seq}", "seq", StringComparison.Ordinal);
}
