using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;

namespace CartRecovery.Web.Tests.Features.Sending;

/// <summary>
/// The store's sending policy through the real host and database: the frequency cap across carts and across the
/// stores of one account, quiet hours in the store's time zone, and consent at enrolment. The demo store's sequence
/// sends emails 5 s and 20 s after abandonment (cut-off 10 s), then creates a task at 40 s.
/// </summary>
public sealed class RespectfulSendingTests : IDisposable
{
    private static readonly TimeSpan PastCutOff = TimeSpan.FromSeconds(11);
    private readonly CartRecoveryAppFactory _app = new();
    private readonly RecoveryDriver _drive;

    public RespectfulSendingTests() => _drive = new RecoveryDriver(_app);

    public void Dispose() => _app.Dispose();

    private IStorePolicyRepository Policies => _app.Service<IStorePolicyRepository>();

    private Task<IReadOnlyList<OutboundMessage>> MessagesAsync(Cart cart) => _app.Service<IMessageRepository>().ListForCartAsync(cart.Id, _drive.Ct);

    /// <summary>Reports a cart, abandons it, and runs the dispatcher at its two email steps.</summary>
    private async Task<Cart> AbandonAndRunBothEmailStepsAsync(Store store, string externalId, string email)
    {
        await _drive.ReportCartAsync(store, externalId, email);
        _drive.Advance(PastCutOff);
        await _drive.DetectAsync();
        _drive.Advance(TimeSpan.FromSeconds(5));
        await _drive.DispatchAsync();
        _drive.Advance(TimeSpan.FromSeconds(15));
        await _drive.DispatchAsync();
        return (await _drive.CartAsync(store, externalId))!;
    }

    [Fact]
    public async Task FrequencyCap_CountsEmailsOfEarlierCarts_OfTheSameStore()
    {
        var store = await _app.DemoStoreAsync();
        var first = await AbandonAndRunBothEmailStepsAsync(store, "chk-first", "ana@example.com");
        Assert.Equal(2, _app.PickedUpEmails().Length);
        await _app.Service<CartIngestion>().ReportOrderAsync(new OrderReport(store.Id, first.ExternalId, "#1", 18900, _app.Time.GetUtcNow()), _drive.Ct);

        _drive.Advance(TimeSpan.FromDays(1));
        var second = await AbandonAndRunBothEmailStepsAsync(store, "chk-second", "ana@example.com");

        Assert.Equal(2, _app.PickedUpEmails().Length);
        var messages = await MessagesAsync(second);
        Assert.All(messages.Where(m => m.Kind == Core.Sequences.StepKind.Email), m =>
        {
            Assert.Equal(MessageStatus.Cancelled, m.Status);
            Assert.StartsWith("frequency cap: 2 recovery email(s)", m.LastError, StringComparison.Ordinal);
        });
        var timeline = await _app.Service<ICartRepository>().GetTimelineAsync(second.Id, _drive.Ct);
        Assert.Contains(timeline, e => e.Kind == CartEventKinds.MessageCancelled && e.Detail.Contains("frequency cap", StringComparison.Ordinal));
        Assert.Equal(CartStatus.Abandoned, (await _drive.CartAsync(store, "chk-second"))!.Status);

        // A week after the first emails the address may hear from the store again.
        _drive.Advance(TimeSpan.FromDays(7));
        await AbandonAndRunBothEmailStepsAsync(store, "chk-third", "ana@example.com");
        Assert.Equal(4, _app.PickedUpEmails().Length);
    }

    [Fact]
    public async Task FrequencyCap_CountsEmailsOfAnotherStoreOfTheSameAccount_ButNotOfAStranger()
    {
        var shop = await _app.DemoStoreAsync();
        var sister = await AddStoreAsync(shop, "demo-sister");
        var stranger = await AddStoreAsync(shop, "demo-stranger");
        var acme = SendingPolicy.Default with { Account = "acme" };
        await Policies.SaveAsync(shop.Id, acme, _app.Time.GetUtcNow(), _drive.Ct);
        await Policies.SaveAsync(sister.Id, acme, _app.Time.GetUtcNow(), _drive.Ct);

        await AbandonAndRunBothEmailStepsAsync(shop, "chk-shop", "ana@example.com");
        var atSister = await AbandonAndRunBothEmailStepsAsync(sister, "chk-sister", " ANA@example.com");
        var atStranger = await AbandonAndRunBothEmailStepsAsync(stranger, "chk-stranger", "ana@example.com");

        Assert.All((await MessagesAsync(atSister)).Where(m => m.Kind == Core.Sequences.StepKind.Email),
            m => Assert.Equal(MessageStatus.Cancelled, m.Status));
        Assert.Equal(2, (await MessagesAsync(atStranger)).Count(m => m.Status == MessageStatus.Sent && m.Kind == Core.Sequences.StepKind.Email));
        Assert.Equal(4, _app.PickedUpEmails().Length);
    }

    [Fact]
    public async Task QuietHours_HoldTheDueEmailUntilTheyEndInTheStoresTimeZone()
    {
        // The factory's clock starts at 09:00 UTC, 10:00 in Paris (the demo store's zone).
        var store = await _app.DemoStoreAsync();
        await Policies.SaveAsync(store.Id, SendingPolicy.Default with { QuietHours = new QuietHours(new TimeOnly(9, 0), new TimeOnly(13, 0)) },
            _app.Time.GetUtcNow(), _drive.Ct);
        await _drive.ReportCartAsync(store, "chk-quiet");
        _drive.Advance(PastCutOff);
        await _drive.DetectAsync();
        _drive.Advance(TimeSpan.FromSeconds(5));

        var summary = await _drive.DispatchAsync();

        Assert.Equal((0, 1), (summary.Sent, summary.Retrying));
        Assert.Empty(_app.PickedUpEmails());
        var cart = (await _drive.CartAsync(store, "chk-quiet"))!;
        var held = (await MessagesAsync(cart))[0];
        Assert.Equal((MessageStatus.Pending, 0, TestData.Now.AddHours(3)), (held.Status, held.Attempts, held.DueAt));

        _app.Time.SetUtcNow(TestData.Now.AddHours(3));
        await _drive.DispatchAsync();
        Assert.Equal(MessageStatus.Sent, (await MessagesAsync(cart))[0].Status);
    }

    [Fact]
    public async Task SubscribedOnly_ExpiresCartsOfCustomersWithoutConsent_InsteadOfEnrollingThem()
    {
        var store = await _app.DemoStoreAsync();
        await Policies.SaveAsync(store.Id, SendingPolicy.Default with { Consent = ConsentRule.SubscribedOnly }, _app.Time.GetUtcNow(), _drive.Ct);
        await _drive.ReportCartAsync(store, "chk-no-consent");
        _drive.Advance(PastCutOff);

        Assert.Equal(0, await _drive.DetectAsync());

        var cart = (await _drive.CartAsync(store, "chk-no-consent"))!;
        Assert.Equal(CartStatus.Expired, cart.Status);
        Assert.Empty(await MessagesAsync(cart));
        Assert.Equal(TimelineTexts.English(SendingRules.NoConsent), (await _app.Service<ICartRepository>().GetTimelineAsync(cart.Id, _drive.Ct))[^1].Detail);
    }

    private Task<Store> AddStoreAsync(Store like, string externalId) =>
        _app.Service<IStoreRepository>().UpsertAsync(like with { Id = 0, ExternalId = externalId, Name = externalId, PublicKey = null }, _drive.Ct);
}
