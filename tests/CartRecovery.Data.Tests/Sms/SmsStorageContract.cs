using CartRecovery.Core.Carts;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Sms;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Data.Tests.Sms;

/// <summary>What migration 0015 stores for SMS: the customer's SMS consent on the cart, each store's SMS settings, and
/// the numbers a store must not text.</summary>
public abstract class SmsStorageContract : DatabaseContract
{
    private ISmsSettingsRepository Settings => Db.Services.GetRequiredService<ISmsSettingsRepository>();
    private ISmsSuppressionList Suppressions => Db.Services.GetRequiredService<ISmsSuppressionList>();

    private static readonly SmsSettings Configured = new()
    {
        Enabled = true,
        Country = "FR",
        Consent = SmsConsentRule.DeclaredByMerchant,
        Window = new SmsSendingWindow(new TimeOnly(9, 30), new TimeOnly(19, 45)),
        MaxParts = 3,
        MessagingServiceSid = "MG" + new string('a', 32),
        FromNumber = "+33757000000",
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    [InlineData(null)]
    public async Task Upsert_CartWithSmsConsent_KeepsItApartFromEmailConsent(bool? acceptsSms)
    {
        var store = await AddStoreAsync();
        var snapshot = ContractData.Snapshot(store.Id, "c-1", Now, "ada@example.com") with
        {
            Contact = new CartContact("ada@example.com", "06 12 34 56 78", AcceptsMarketing: !(acceptsSms ?? false), AcceptsSms: acceptsSms),
        };

        var saved = await Db.Carts.UpsertAsync(snapshot, Now, Ct);
        var read = await Db.Carts.GetAsync(saved.Cart.Id, Ct);

        Assert.Equal(acceptsSms, read!.Contact.AcceptsSms);
        Assert.Equal(!(acceptsSms ?? false), read.Contact.AcceptsMarketing);
        Assert.Equal("06 12 34 56 78", read.Contact.Phone);
    }

    [Fact]
    public async Task Upsert_NewerSnapshotWithoutSmsConsent_KeepsTheKnownConsent()
    {
        var store = await AddStoreAsync();
        var first = ContractData.Snapshot(store.Id, "c-1", Now) with { Contact = new CartContact("ada@example.com", "+33612345678", AcceptsSms: true) };
        var cart = (await Db.Carts.UpsertAsync(first, Now, Ct)).Cart;

        await Db.Carts.UpsertAsync(ContractData.Snapshot(store.Id, "c-1", Now.AddMinutes(5)), Now.AddMinutes(5), Ct);

        Assert.True((await Db.Carts.GetAsync(cart.Id, Ct))!.Contact.AcceptsSms);
    }

    [Fact]
    public async Task Settings_ForAStoreWithoutARow_AreTheDefaultsWithTextsOff()
    {
        var store = await AddStoreAsync();

        var settings = await Settings.GetAsync(store.Id, Ct);

        Assert.Equal(SmsSettings.Default, settings);
        Assert.False(settings.Enabled);
    }

    [Fact]
    public async Task Settings_SaveThenGet_RoundTripsEveryField_AndASecondSaveReplacesTheRow()
    {
        var store = await AddStoreAsync();

        await Settings.SaveAsync(store.Id, Configured, Now, Ct);
        Assert.Equal(Configured, await Settings.GetAsync(store.Id, Ct));

        var plain = SmsSettings.Default with { Enabled = true, FromNumber = "Boutique" };
        await Settings.SaveAsync(store.Id, plain, Now.AddMinutes(1), Ct);
        Assert.Equal(plain, await Settings.GetAsync(store.Id, Ct));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM store_sms_settings"));
    }

    [Fact]
    public async Task Suppressions_StopThenStart_SuppressesPerStoreAndRemovesAgain()
    {
        var store = await AddStoreAsync("shop-a");
        var other = await AddStoreAsync("shop-b");

        await Suppressions.SuppressAsync(store.Id, "+33612345678", "replied STOP", Now, Ct);
        await Suppressions.SuppressAsync(store.Id, "+33612345678", "replied ARRET", Now.AddMinutes(1), Ct);

        Assert.True(await Suppressions.IsSuppressedAsync(store.Id, "+33612345678", Ct));
        Assert.False(await Suppressions.IsSuppressedAsync(other.Id, "+33612345678", Ct));
        Assert.Equal("replied STOP", await Db.ScalarAsync<string>("SELECT reason FROM sms_suppressions"));

        Assert.True(await Suppressions.RemoveAsync(store.Id, "+33612345678", Ct));
        Assert.False(await Suppressions.RemoveAsync(store.Id, "+33612345678", Ct));
        Assert.False(await Suppressions.IsSuppressedAsync(store.Id, "+33612345678", Ct));
    }

    [Fact]
    public async Task EraseStoreData_RemovesTheStoresSuppressedNumbers()
    {
        var store = await AddStoreAsync("shop-a");
        var other = await AddStoreAsync("shop-b");
        await Suppressions.SuppressAsync(store.Id, "+33612345678", "replied STOP", Now, Ct);
        await Suppressions.SuppressAsync(other.Id, "+33612345678", "replied STOP", Now, Ct);

        await Db.Services.GetRequiredService<IPrivacyRepository>().EraseStoreDataAsync(store.Id, Ct);

        Assert.False(await Suppressions.IsSuppressedAsync(store.Id, "+33612345678", Ct));
        Assert.True(await Suppressions.IsSuppressedAsync(other.Id, "+33612345678", Ct));
    }
}
