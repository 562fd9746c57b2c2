using CartRecovery.Core.Billing;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Data.Tests.Billing;

/// <summary>Each store's plan, and the count of a store's sent emails in a period that the plan limits.</summary>
public abstract class SubscriptionRepositoryContract : DatabaseContract
{
    private ISubscriptionRepository Subscriptions => Db.Services.GetRequiredService<ISubscriptionRepository>();

    private static StoreSubscription Shopify(long storeId) => new()
    {
        StoreId = storeId,
        Plan = "Growth",
        Status = SubscriptionStatus.Active,
        ExternalId = "gid://shopify/AppSubscription/4019585080",
        UsageLineItemId = "gid://shopify/AppSubscriptionLineItem/4019585080?v=1&index=1",
        ConfirmationUrl = "https://shop-1.myshopify.com/admin/charges/4019585080/confirm_recurring_application_charge?signature=x",
        Test = true,
        TrialEndsAt = Now.AddDays(7),
        CurrentPeriodEnd = Now.AddDays(30),
        UsageCharged = 1.234567m,
        UsagePeriodEnd = Now.AddDays(30),
        UpdatedAt = Now,
    };

    [Fact]
    public async Task Get_ForAStoreWithoutASubscription_IsNull()
    {
        var store = await AddStoreAsync();

        Assert.Null(await Subscriptions.GetAsync(store.Id, Ct));
    }

    [Fact]
    public async Task Upsert_ThenGet_RoundTripsEveryField_AndASecondUpsertReplacesTheRow()
    {
        var store = await AddStoreAsync();

        await Subscriptions.UpsertAsync(Shopify(store.Id), Ct);
        Assert.Equal(Shopify(store.Id), await Subscriptions.GetAsync(store.Id, Ct));
        Assert.Equal(Shopify(store.Id), await Subscriptions.FindByExternalIdAsync("gid://shopify/AppSubscription/4019585080", Ct));

        var invoiced = new StoreSubscription { StoreId = store.Id, Plan = "Free", Status = SubscriptionStatus.Active, UpdatedAt = Now.AddHours(1) };
        await Subscriptions.UpsertAsync(invoiced, Ct);
        Assert.Equal(invoiced, await Subscriptions.GetAsync(store.Id, Ct));
        Assert.Null(await Subscriptions.FindByExternalIdAsync("gid://shopify/AppSubscription/4019585080", Ct));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM store_subscriptions"));
    }

    [Fact]
    public async Task CountStoreEmailsSent_CountsTheStoresSentEmailsInTheHalfOpenPeriod()
    {
        var shop = await AddStoreAsync("shop-a");
        var other = await AddStoreAsync("shop-b");
        await SendFirstStepAsync(shop.Id, "chk-1", "ada@example.com", Now);
        await SendFirstStepAsync(shop.Id, "chk-2", "bob@example.com", Now.AddDays(1));
        await SendFirstStepAsync(shop.Id, "chk-3", "cy@example.com", Now.AddDays(2));
        await SendFirstStepAsync(other.Id, "chk-4", "ada@example.com", Now.AddDays(1));

        Assert.Equal(2, await Db.Messages.CountStoreEmailsSentAsync(shop.Id, Now, Now.AddDays(2), Ct));
        Assert.Equal(3, await Db.Messages.CountStoreEmailsSentAsync(shop.Id, Now, Now.AddDays(2).AddMilliseconds(1), Ct));
        Assert.Equal(1, await Db.Messages.CountStoreEmailsSentAsync(other.Id, Now, Now.AddDays(30), Ct));
        // Scheduled (unsent) steps do not count.
        Assert.Equal(0, await Db.Messages.CountStoreEmailsSentAsync(shop.Id, Now.AddDays(3), Now.AddDays(60), Ct));
    }

    [Fact]
    public async Task CountStoreEmailsSent_AfterTheCustomerIsErased_StillCountsWhatWasSent()
    {
        var shop = await AddStoreAsync("shop-a");
        await SendFirstStepAsync(shop.Id, "chk-1", "ada@example.com", Now);
        await SendFirstStepAsync(shop.Id, "chk-2", "bob@example.com", Now.AddHours(1));

        Assert.True(await Db.Privacy.EraseCustomerAsync(shop.Id, "ada@example.com", Ct) > 0);

        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM messages WHERE status = 2"));
        Assert.Equal(2, await Db.Messages.CountStoreEmailsSentAsync(shop.Id, Now, Now.AddDays(1), Ct));
    }
}
