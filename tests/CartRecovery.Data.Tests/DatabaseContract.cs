using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;
using CartRecovery.Testing;

namespace CartRecovery.Data.Tests;

/// <summary>
/// Base of every contract suite: each test gets a fresh database from the engine's sealed subclass. The suites
/// take the whole database rather than a single store because arranging a scenario needs several of them.
/// </summary>
public abstract class DatabaseContract : IAsyncLifetime
{
    private TestDatabase? _db;

    protected TestDatabase Db => _db ?? throw new InvalidOperationException("The database is created before each test.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static DateTimeOffset Now => TestData.Now;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async ValueTask InitializeAsync() => _db = await CreateDatabaseAsync();

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
            await _db.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected Task<Store> AddStoreAsync(string externalId = "shop-1", TimeSpan? abandonAfter = null, string currency = "EUR") =>
        Db.Stores.UpsertAsync(ContractData.Store(externalId, abandonAfter, currency), Ct);

    /// <summary>A verified Shopify delivery for the store, accepted into the inbox at <paramref name="receivedAt"/>.</summary>
    protected Task<bool> AcceptWebhookAsync(long storeId, string deliveryId, DateTimeOffset receivedAt) => Db.Inbox.AcceptAsync(new WebhookDelivery
    {
        Platform = Platforms.Shopify, DeliveryId = deliveryId, Topic = "checkouts/update", StoreId = storeId, Body = "{}", ReceivedAt = receivedAt,
    }, Ct);

    /// <summary>An Active cart last updated at <paramref name="updatedAt"/>.</summary>
    protected async Task<Cart> AddCartAsync(long storeId, string externalId, DateTimeOffset updatedAt, string? email = "ada@example.com",
        string currency = "EUR")
    {
        var result = await Db.Carts.UpsertAsync(ContractData.Snapshot(storeId, externalId, updatedAt, email, currency: currency), updatedAt, Ct);
        return result.Cart;
    }

    /// <summary>A cart abandoned at <see cref="Now"/> with the three-step plan scheduled; returns its messages by step.</summary>
    protected async Task<(Cart Cart, IReadOnlyList<OutboundMessage> Messages)> AddAbandonedCartAsync(long storeId, string externalId,
        string? email = "ada@example.com", string currency = "EUR")
    {
        var cart = await AddCartAsync(storeId, externalId, Now.AddHours(-1), email, currency);
        Assert.True(await Db.Carts.AbandonAsync(cart.Id, Now, ContractData.Plan(cart, Now), Ct));
        return ((await Db.Carts.GetAsync(cart.Id, Ct))!, await Db.Messages.ListForCartAsync(cart.Id, Ct));
    }

    /// <summary>Abandons a cart and marks its first (email) step sent at <paramref name="sentAt"/>.</summary>
    protected async Task SendFirstStepAsync(long storeId, string externalId, string email, DateTimeOffset sentAt)
    {
        var (_, messages) = await AddAbandonedCartAsync(storeId, externalId, email.Trim());
        await Db.ExecuteAsync("UPDATE messages SET status = @Claimed, claimed_by = 'test' WHERE id = @Id",
            new { Id = messages[0].Id, Claimed = (int)MessageStatus.Claimed });
        Assert.True(await Db.Messages.MarkSentAsync(messages[0].Id, "test", email, "provider-id", sentAt, Ct));
    }

    /// <summary>
    /// Two carts abandoned at <see cref="Now"/> in the store: the first's step 1 turned into a text, sent an hour later,
    /// delivered after two and clicked after three; the second's step 1 an email sent an hour later. Returns the text's cart
    /// and message.
    /// </summary>
    protected async Task<(Cart Cart, OutboundMessage Text)> SendTextAndEmailAsync(long storeId)
    {
        var (texted, mt) = await AddAbandonedCartAsync(storeId, "c-sms");
        var (_, me) = await AddAbandonedCartAsync(storeId, "c-mail");
        await Db.ExecuteAsync("UPDATE messages SET kind = @Sms WHERE id = @Id", new { Sms = (int)StepKind.Sms, mt[0].Id });
        await Db.Messages.ClaimDueAsync("setup", Now.AddHours(10), TimeSpan.FromDays(1), 100, Ct);
        Assert.True(await Db.Messages.MarkSentAsync(mt[0].Id, "setup", "+33612345678", "SM1", Now.AddHours(1), Ct));
        Assert.True(await Db.Messages.MarkSentAsync(me[0].Id, "setup", "ada@example.com", null, Now.AddHours(1), Ct));
        Assert.True(await Db.Messages.RecordDeliveredAsync(mt[0].Id, Now.AddHours(2), Ct));
        Assert.True(await Db.Messages.RecordClickAsync(mt[0].Id, Now.AddHours(3), Ct));
        return (texted, mt[0]);
    }
}
