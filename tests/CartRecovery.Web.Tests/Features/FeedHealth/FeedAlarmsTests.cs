using CartRecovery.Core.Accounts;
using CartRecovery.Core.FeedHealth;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Webhooks;
using CartRecovery.Jobs.FeedHealth;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;

namespace CartRecovery.Web.Tests.Features.FeedHealth;

/// <summary>
/// The feed check's alarms on a fake clock: the Paris shop's silent Monday morning (after a quiet weekend and the move to
/// summer time) emails the account's owners once, however often the check runs, and a recovery notice when webhooks
/// come back; members who are not owners hear nothing.
/// </summary>
public sealed class FeedAlarmsTests : IDisposable
{
    private readonly FakeSubscriptions _subscriptions = new();
    private readonly CartRecoveryAppFactory _app;

    public FeedAlarmsTests() => _app = new(services: s =>
    {
        // The Paris shop has no Shopify behind it: its subscription check answers what the test says.
        s.RemoveAll<IWebhookSubscriptions>();
        s.AddSingleton<IWebhookSubscriptions>(_subscriptions);
    });
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task CheckAll_OverTheWeekend_RaisesNothing()
    {
        var store = await ShopWithPeopleAsync();
        _app.Time.SetUtcNow(ParisShop.Local(2027, 3, 29, 9, 30));

        Assert.Equal(0, await Alarms.CheckAllAsync(Ct));

        Assert.Empty(_app.PickedUpEmails());
        Assert.Empty(await _app.Service<IFeedAlarmRepository>().ListAsync(store.Id, Ct));
    }

    [Fact]
    public async Task CheckAll_WhenWebhooksGoStale_EmailsTheOwnersOnce_ThenARecoveryNotice()
    {
        var store = await ShopWithPeopleAsync();
        _app.Time.SetUtcNow(ParisShop.Local(2027, 3, 29, 12, 0));

        Assert.Equal(1, await Alarms.CheckAllAsync(Ct));
        _app.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(0, await Alarms.CheckAllAsync(Ct));
        Assert.Equal(0, await Alarms.CheckAllAsync(Ct));

        var alarm = Assert.Single(_app.PickedUpEmails().Select(f => MimeMessage.Load(f)));
        Assert.Equal("owner@paris.example", alarm.To.Mailboxes.Single().Address);
        Assert.Equal("Boutique de Paris : les webhooks à vérifier", alarm.Subject);
        Assert.Contains($"app/settings?store={store.Id}&tab=health", alarm.TextBody, StringComparison.Ordinal);
        var open = Assert.Single(await _app.Service<IFeedAlarmRepository>().ListAsync(store.Id, Ct));
        Assert.Equal((FeedSource.Webhooks, FeedState.Stale), (open.Source, open.State));
        Assert.NotNull(open.NotifiedAt);

        await _app.Service<IWebhookInbox>().AcceptAsync(new WebhookDelivery
        {
            Platform = Platforms.Shopify, DeliveryId = "back", Topic = "checkouts/update", StoreId = store.Id, Body = "{}", ReceivedAt = _app.Time.GetUtcNow(),
        }, Ct);
        _app.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await Alarms.CheckAllAsync(Ct));
        Assert.Equal(0, await Alarms.CheckAllAsync(Ct));

        var emails = _app.PickedUpEmails().Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(2, emails.Count);
        Assert.Single(emails, e => e.Subject == "Boutique de Paris : les webhooks de retour");
        Assert.Empty(await _app.Service<IFeedAlarmRepository>().ListAsync(store.Id, Ct));
    }

    [Fact]
    public async Task CheckAll_AnAlarmAlreadyToldBeforeARestart_IsNotToldAgain()
    {
        var store = await ShopWithPeopleAsync();
        // What a run before the restart left: the alarm raised and its owners told.
        await _app.Service<IFeedAlarmRepository>().RaiseAsync(new FeedAlarm(store.Id, FeedSource.Webhooks, FeedState.Stale, FeedProblem.None,
            ParisShop.Local(2027, 3, 29, 11, 45), ParisShop.Local(2027, 3, 29, 11, 45)), Ct);
        _app.Time.SetUtcNow(ParisShop.Local(2027, 3, 29, 12, 0));

        Assert.Equal(0, await Alarms.CheckAllAsync(Ct));

        Assert.Empty(_app.PickedUpEmails());
    }

    [Fact]
    public async Task CheckAll_WhenSubscriptionsAreGoneAndCannotBeRecreated_SaysWebhooksAreBroken_InTheEmailAndTheApi()
    {
        var store = await ShopWithPeopleAsync();
        _app.Time.SetUtcNow(ParisShop.Local(2027, 3, 27, 17, 45));
        _subscriptions.Next = new SubscriptionCheck(["CHECKOUTS_UPDATE"], [], null);

        Assert.Equal(1, await Alarms.CheckAllAsync(Ct));

        var alarm = Assert.Single(_app.PickedUpEmails().Select(f => MimeMessage.Load(f)));
        Assert.Contains("abonnements aux webhooks", alarm.TextBody, StringComparison.Ordinal);
        var health = await _app.AdminClient().GetFromJsonAsync<JsonElement>($"/api/stores/{store.Id}/health", Ct);
        var webhooks = health.GetProperty("feeds").EnumerateArray().Single(f => f.GetProperty("source").GetString() == "webhooks");
        Assert.Equal(("broken", "subscriptions_missing"), (webhooks.GetProperty("state").GetString(), webhooks.GetProperty("problem").GetString()));

        _subscriptions.Next = SubscriptionCheck.AllPresent;
        Assert.Equal(1, await Alarms.CheckAllAsync(Ct));
        Assert.Equal(2, _app.PickedUpEmails().Length);
    }

    [Fact]
    public async Task CheckAll_AStaleFeedWhoseSubscriptionsThenVanish_KeepsOneAlarmThatNowSaysBroken()
    {
        var store = await ShopWithPeopleAsync();
        _app.Time.SetUtcNow(ParisShop.Local(2027, 3, 29, 12, 0));
        Assert.Equal(1, await Alarms.CheckAllAsync(Ct));
        _subscriptions.Next = new SubscriptionCheck(["CHECKOUTS_CREATE"], [], null);

        Assert.Equal(0, await Alarms.CheckAllAsync(Ct));

        var open = Assert.Single(await _app.Service<IFeedAlarmRepository>().ListAsync(store.Id, Ct));
        Assert.Equal((FeedState.Broken, FeedProblem.SubscriptionsMissing), (open.State, open.Problem));
        Assert.Single(_app.PickedUpEmails());
    }

    private FeedAlarms Alarms => _app.Service<FeedAlarms>();

    private sealed class FakeSubscriptions : IWebhookSubscriptions
    {
        public SubscriptionCheck Next { get; set; } = SubscriptionCheck.AllPresent;

        public string Platform => Platforms.Shopify;

        public Task<SubscriptionCheck> EnsureAsync(Store store, CancellationToken ct) => Task.FromResult(Next);
    }

    /// <summary>The Paris shop with an owner and a member in its account.</summary>
    private async Task<Store> ShopWithPeopleAsync()
    {
        var store = await ParisShop.CreateAsync(_app);
        var accounts = _app.Service<IAccountRepository>();
        foreach (var (email, role) in new[] { ("owner@paris.example", AccountRole.Owner), ("member@paris.example", AccountRole.Member) })
        {
            var user = await accounts.GetOrCreateUserByEmailAsync(email, _app.Time.GetUtcNow(), Ct);
            Assert.Equal(MembershipChange.Done, await accounts.SetMembershipAsync(
                new Membership { AccountId = store.AccountId!.Value, UserId = user.Id, Role = role, CreatedAt = _app.Time.GetUtcNow() }, Ct));
        }
        return store;
    }
}
