using System.Text.Json;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Data.Tests.Privacy;

/// <summary>Customer and shop erasure leave no trace; exports contain everything held about the customer.</summary>
public abstract class PrivacyRepositoryContract : DatabaseContract
{
    private ISmsSuppressionList SmsSuppressions => Db.Services.GetRequiredService<ISmsSuppressionList>();
    private ISmsSettingsRepository SmsConfig => Db.Services.GetRequiredService<ISmsSettingsRepository>();

    [Fact]
    public async Task EraseCustomer_RemovesCartsMessagesTimelineSuppressionsAndWebhookBodiesOfThatAddressOnly()
    {
        var store = await AddStoreAsync();
        var (cart, _) = await AddAbandonedCartAsync(store.Id, "c-ada", "Ada@Example.com");
        await AddAbandonedCartAsync(store.Id, "c-bob", "bob@example.com");
        await Db.Suppressions.SuppressAsync(store.Id, "ada@example.com", "unsubscribed", Now, Ct);
        await Db.Inbox.AcceptAsync(new WebhookDelivery
        {
            Platform = Platforms.Shopify, DeliveryId = "wh", Topic = "checkouts/update", StoreId = store.Id,
            Body = """{"email":"ADA@example.com"}""", ReceivedAt = Now,
        }, Ct);
        await Db.Audit.AppendAsync(Audited(store, "suppression.add", after: """{"email":"Ada@Example.com"}"""), Ct);
        await Db.Audit.AppendAsync(Audited(store, "suppression.remove", before: """{"email":"bob@example.com"}"""), Ct);
        await Db.Audit.AppendAsync(Audited(store, "suppression.add") with { Target = "suppression:ada@example.com" }, Ct);

        Assert.Equal(1, await Db.Privacy.EraseCustomerAsync(store.Id, "ada@example.com", Ct));

        foreach (var sql in new[]
        {
            "SELECT COUNT(*) FROM carts WHERE email_normalized = 'ada@example.com'",
            "SELECT COUNT(*) FROM cart_lines WHERE cart_id = @Id",
            "SELECT COUNT(*) FROM messages WHERE cart_id = @Id",
            "SELECT COUNT(*) FROM cart_events WHERE cart_id = @Id",
            "SELECT COUNT(*) FROM suppressions",
            "SELECT COUNT(*) FROM webhook_deliveries",
            "SELECT COUNT(*) FROM audit_log WHERE action = 'suppression.add'",
        })
            Assert.True(0L == await Db.ScalarAsync<long>(sql, new { cart.Id }), sql);
        Assert.NotNull(await Db.Carts.FindAsync(store.Id, "c-bob", Ct));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log"));
    }

    [Fact]
    public async Task ListMessageIds_ForAnAddressOrAWholeStore_ListsTheirMessagesOnly()
    {
        var store = await AddStoreAsync();
        var other = await AddStoreAsync("shop-2");
        await AddAbandonedCartAsync(store.Id, "c-ada", "Ada@Example.com");
        await AddAbandonedCartAsync(store.Id, "c-bob", "bob@example.com");
        await AddAbandonedCartAsync(other.Id, "c-ada", "ada@example.com");

        var ada = await Db.Privacy.ListMessageIdsAsync(store.Id, "ADA@example.com", Ct);
        var all = await Db.Privacy.ListMessageIdsAsync(store.Id, null, Ct);

        Assert.Equal(3, ada.Count);
        Assert.Equal(6, all.Count);
        Assert.Equal(ada.Count, await Db.ScalarAsync<long>(
            "SELECT COUNT(*) FROM messages m JOIN carts c ON c.id = m.cart_id WHERE c.store_id = @Id AND c.email_normalized = 'ada@example.com'", new { store.Id }));
        Assert.Empty(await Db.Privacy.ListMessageIdsAsync(store.Id, "not an address", Ct));
    }

    [Fact]
    public async Task ExportCustomer_ContainsTheCartsMessagesAndSuppressionsAndIsRecorded()
    {
        var store = await AddStoreAsync();
        await AddAbandonedCartAsync(store.Id, "c-ada", "ada@example.com");
        await Db.Suppressions.SuppressAsync(store.Id, "ada@example.com", "unsubscribed", Now, Ct);

        var export = await Db.Privacy.ExportCustomerAsync(store.Id, "ADA@example.com", Ct);
        await Db.Privacy.RecordExportAsync(store.Id, "req-1", export, Now, Ct);

        Assert.Single(export.Carts);
        Assert.Equal(3, export.Messages.Count);
        Assert.Single(export.Suppressions);
        var recorded = Assert.Single(await Db.Privacy.ListExportsAsync(store.Id, Ct));
        Assert.Equal("req-1", recorded.RequestId);
        using var json = JsonDocument.Parse(recorded.Json);
        Assert.Equal("c-ada", json.RootElement.GetProperty("Carts")[0].GetProperty("ExternalId").GetString());
    }

    [Fact]
    public async Task EraseCustomer_RemovesTheSmsSuppressionsOfTheirCartsPhonesOnly()
    {
        var store = await AddStoreAsync();
        var other = await AddStoreAsync("shop-2");
        var (ada, _) = await AddAbandonedCartAsync(store.Id, "c-ada", "ada@example.com");
        var (bob, _) = await AddAbandonedCartAsync(store.Id, "c-bob", "bob@example.com");
        // Phones stay as typed on carts; the store's SMS country reads a national number into the E.164 key.
        await Db.ExecuteAsync("UPDATE carts SET phone = @Phone WHERE id = @Id", new { Phone = "06 12 34 56 78", ada.Id });
        await Db.ExecuteAsync("UPDATE carts SET phone = @Phone WHERE id = @Id", new { Phone = "+33 6 98 76 54 32", bob.Id });
        await SmsConfig.SaveAsync(store.Id, SmsSettings.Default with { Country = "FR" }, Now, Ct);
        await SmsSuppressions.SuppressAsync(store.Id, "+33612345678", "replied STOP", Now, Ct);
        await SmsSuppressions.SuppressAsync(store.Id, "+33698765432", "replied STOP", Now, Ct);
        await SmsSuppressions.SuppressAsync(other.Id, "+33612345678", "replied STOP", Now, Ct);

        await Db.Privacy.EraseCustomerAsync(store.Id, "ADA@example.com", Ct);

        Assert.False(await SmsSuppressions.IsSuppressedAsync(store.Id, "+33612345678", Ct));
        Assert.True(await SmsSuppressions.IsSuppressedAsync(store.Id, "+33698765432", Ct));
        Assert.True(await SmsSuppressions.IsSuppressedAsync(other.Id, "+33612345678", Ct));
    }

    [Fact]
    public async Task ExportCustomer_ContainsTheSmsSuppressionsOfTheirCartsPhones()
    {
        var store = await AddStoreAsync();
        var (ada, _) = await AddAbandonedCartAsync(store.Id, "c-ada", "ada@example.com");
        await Db.ExecuteAsync("UPDATE carts SET phone = @Phone, country = 'FR' WHERE id = @Id", new { Phone = "06 12 34 56 78", ada.Id });
        await SmsSuppressions.SuppressAsync(store.Id, "+33612345678", "replied ARRET", Now, Ct);
        await SmsSuppressions.SuppressAsync(store.Id, "+33698765432", "replied STOP", Now, Ct);

        var export = await Db.Privacy.ExportCustomerAsync(store.Id, "ada@example.com", Ct);

        var row = Assert.IsAssignableFrom<IDictionary<string, object?>>(Assert.Single(export.SmsSuppressions));
        Assert.Equal("+33612345678", row["phone"]);
        Assert.Equal("replied ARRET", row["reason"]);
    }

    [Fact]
    public async Task EraseStoreData_LeavesOnlyTheStoreRow()
    {
        var store = await AddStoreAsync();
        var other = await AddStoreAsync("shop-2");
        await AddAbandonedCartAsync(store.Id, "c1");
        await AddAbandonedCartAsync(other.Id, "c2");
        await Db.ConnectorState.SetAsync(store.Id, "cursor", "x", Ct);
        await Db.Credentials.SaveAsync(new StoreCredentials { StoreId = store.Id, AccessToken = "t", UpdatedAt = Now }, Ct);
        await Db.Audit.AppendAsync(Audited(store, "store.settings", after: """{"name":"Shop"}"""), Ct);
        await Db.Audit.AppendAsync(Audited(other, "store.settings"), Ct);
        await Db.Audit.AppendAsync(Audited(store, "key.create") with { StoreId = null }, Ct);

        await Db.Privacy.EraseStoreDataAsync(store.Id, Ct);

        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM carts WHERE store_id = @Id", new { store.Id }));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM connector_state WHERE store_id = @Id", new { store.Id }));
        Assert.Null(await Db.Credentials.GetAsync(store.Id, Ct));
        Assert.NotNull(await Db.Stores.GetAsync(store.Id, Ct));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM carts WHERE store_id = @Id", new { other.Id }));
        Assert.Equal(0L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE store_id = @Id", new { store.Id }));
        Assert.Equal(2L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log"));
    }

    private static AuditEntry Audited(Store store, string action, string? before = null, string? after = null) => new()
    {
        AccountId = store.AccountId!.Value, StoreId = store.Id, At = Now, Actor = Actor.Operator, Action = action,
        Target = $"store:{store.Id}", Before = before, After = after,
    };
}
