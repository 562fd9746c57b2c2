using CartRecovery.Core.Messages;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Data.Tests.Stores;

/// <summary>
/// Sending policies, one per store with defaults for stores without one, and the count the frequency cap reads:
/// emails sent to an address by a group of stores since an instant.
/// </summary>
public abstract class StorePolicyRepositoryContract : DatabaseContract
{
    private IStorePolicyRepository Policies => Db.Services.GetRequiredService<IStorePolicyRepository>();

    private static readonly SendingPolicy Strict = new()
    {
        Account = "agency-7",
        FrequencyCap = new FrequencyCap(1, TimeSpan.FromDays(3)),
        QuietHours = new QuietHours(new TimeOnly(21, 30), new TimeOnly(8, 0)),
        MaxCartAge = TimeSpan.FromDays(2),
        Consent = ConsentRule.SubscribedOnly,
        RetentionDays = 90,
        Offers = new(CooldownDays: 60, FarmingAbandons: 2, ReturningCustomerOffer: new(Core.Sequences.OfferKind.FixedAmount, 1_500, TimeSpan.FromHours(72))),
    };

    [Fact]
    public async Task Get_ForAStoreWithoutAPolicy_GivesTheDefaults()
    {
        var store = await AddStoreAsync();

        Assert.Equal(SendingPolicy.Default, await Policies.GetAsync(store.Id, Ct));
        Assert.Equal(SendingPolicy.Default, await Policies.GetAsync(9999, Ct));
    }

    [Fact]
    public async Task Save_ThenGet_RoundTripsEveryField_AndASecondSaveReplacesTheRow()
    {
        var store = await AddStoreAsync();

        await Policies.SaveAsync(store.Id, Strict, Now, Ct);
        Assert.Equal(Strict, await Policies.GetAsync(store.Id, Ct));

        var relaxed = Strict with
        {
            Account = null, QuietHours = null, MaxCartAge = null, FrequencyCap = FrequencyCap.Off, Consent = ConsentRule.All, Offers = new(0, 0),
        };
        await Policies.SaveAsync(store.Id, relaxed, Now.AddMinutes(1), Ct);
        Assert.Equal(relaxed, await Policies.GetAsync(store.Id, Ct));
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM sending_policies"));
    }

    [Fact]
    public async Task CapGroup_GivesTheStoresOfTheSameAccount_OrTheStoreAlone()
    {
        var a = await AddStoreAsync("shop-a");
        var b = await AddStoreAsync("shop-b");
        var c = await AddStoreAsync("shop-c");
        var loner = await AddStoreAsync("shop-d");
        await Policies.SaveAsync(a.Id, Strict, Now, Ct);
        await Policies.SaveAsync(b.Id, Strict with { Consent = ConsentRule.All }, Now, Ct);
        await Policies.SaveAsync(c.Id, Strict with { Account = "someone-else" }, Now, Ct);
        await Policies.SaveAsync(loner.Id, Strict with { Account = null }, Now, Ct);

        Assert.Equal([a.Id, b.Id], await Policies.CapGroupAsync(b.Id, Ct));
        Assert.Equal([c.Id], await Policies.CapGroupAsync(c.Id, Ct));
        Assert.Equal([loner.Id], await Policies.CapGroupAsync(loner.Id, Ct));
    }

    [Fact]
    public async Task CountEmailsSent_CountsSentEmailsToTheAddressInTheGroupSinceTheInstant()
    {
        var shop = await AddStoreAsync("shop-a");
        var sister = await AddStoreAsync("shop-b");
        var stranger = await AddStoreAsync("shop-c");
        await SendFirstStepAsync(shop.Id, "chk-1", " Ada@Example.com", Now.AddHours(1));
        await SendFirstStepAsync(sister.Id, "chk-2", "ada@example.com", Now.AddHours(2));
        await SendFirstStepAsync(stranger.Id, "chk-3", "ada@example.com", Now.AddHours(2));
        await SendFirstStepAsync(shop.Id, "chk-4", "bob@example.com", Now.AddHours(2));

        Assert.Equal(new Dictionary<string, int> { ["ada@example.com"] = 2, ["bob@example.com"] = 1 },
            await Db.Messages.CountEmailsSentAsync([shop.Id, sister.Id], ["ADA@example.com ", "bob@example.com", "eve@example.com", " "], Now, Ct));
        Assert.Equal(new Dictionary<string, int> { ["ada@example.com"] = 1 },
            await Db.Messages.CountEmailsSentAsync([shop.Id, sister.Id], ["ada@example.com"], Now.AddHours(1.5), Ct));
        Assert.Equal(new Dictionary<string, int> { ["ada@example.com"] = 1 }, await Db.Messages.CountEmailsSentAsync([shop.Id], ["ada@example.com"], Now, Ct));
        Assert.Empty(await Db.Messages.CountEmailsSentAsync([], ["ada@example.com"], Now, Ct));
        Assert.Empty(await Db.Messages.CountEmailsSentAsync([shop.Id], [], Now, Ct));
    }
}
