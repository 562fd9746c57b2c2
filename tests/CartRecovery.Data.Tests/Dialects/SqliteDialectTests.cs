using CartRecovery.Data.Dialects;
using Microsoft.Data.Sqlite;

namespace CartRecovery.Data.Tests.Dialects;

public sealed class SqliteDialectTests : DatabaseContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();

    [Fact]
    public async Task IsUniqueViolation_WhenAUniqueKeyIsBroken_ReturnsTrue()
    {
        var store = await AddStoreAsync();
        const string duplicate = """
            INSERT INTO stores (platform, external_id, name, storefront_url, currency, time_zone, locale,
                                abandon_after_ms, sequence, sender_email, sender_name, created_at)
            SELECT platform, external_id, name, storefront_url, currency, time_zone, locale,
                   abandon_after_ms, sequence, sender_email, sender_name, created_at
            FROM stores WHERE id = @Id
            """;

        var error = await Assert.ThrowsAsync<SqliteException>(() => Db.ExecuteAsync(duplicate, new { store.Id }));

        Assert.True(new SqliteDialect().IsUniqueViolation(error));
    }

    [Fact]
    public async Task InsertIgnoringDuplicates_WhenTheKeyExists_InsertsNothing()
    {
        var store = await AddStoreAsync();
        var dialect = new SqliteDialect();
        var insert = dialect.InsertIgnoringDuplicates("""
            INSERT INTO suppressions (store_id, email_normalized, email, reason, created_at)
            VALUES (@StoreId, 'a@example.com', 'a@example.com', @Reason, 0)
            """, "store_id, email_normalized");

        var first = await Db.ExecuteAsync(insert, new { StoreId = store.Id, Reason = "first" });
        var second = await Db.ExecuteAsync(insert, new { StoreId = store.Id, Reason = "second" });

        Assert.Equal((1, 0), (first, second));
        Assert.Equal("first", await Db.ScalarAsync<string>("SELECT reason FROM suppressions"));
    }

    [Fact]
    public void Page_AppendsLimitAndOffset()
    {
        Assert.Equal("SELECT 1 ORDER BY 1 LIMIT @Take OFFSET @Skip", new SqliteDialect().Page("SELECT 1 ORDER BY 1"));
    }
}
