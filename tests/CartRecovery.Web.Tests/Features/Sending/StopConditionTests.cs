using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Tests.Features.Sending;

/// <summary>
/// A sequence stops at once when the customer buys, empties the cart or starts a newer one (unsubscribe, bounce and
/// complaint: UnsubscribeEndpointTests and PostmarkDeliveryTests).
/// </summary>
public sealed class StopConditionTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private readonly RecoveryDriver _drive;

    public StopConditionTests() => _drive = new RecoveryDriver(_app);

    public void Dispose() => _app.Dispose();

    private async Task<Cart> AbandonAsync(Store store, string externalId)
    {
        await _drive.ReportCartAsync(store, externalId);
        _drive.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(1, await _drive.DetectAsync());
        return (await _drive.CartAsync(store, externalId))!;
    }

    private async Task AssertStoppedAsync(Cart cart, CartStatus status, string reason)
    {
        var stored = (await _app.Service<ICartRepository>().GetAsync(cart.Id, _drive.Ct))!;
        Assert.Equal(status, stored.Status);
        var messages = await _app.Service<IMessageRepository>().ListForCartAsync(cart.Id, _drive.Ct);
        Assert.All(messages.Where(m => m.Status != MessageStatus.Sent), m => Assert.Equal(MessageStatus.Cancelled, m.Status));
        Assert.Contains(await _app.Service<ICartRepository>().GetTimelineAsync(cart.Id, _drive.Ct), e => e.Detail.Contains(reason, StringComparison.Ordinal));

        // Nothing more goes out for it, however long we wait.
        var before = _app.PickedUpEmails().Length;
        _drive.Advance(TimeSpan.FromDays(1));
        await _drive.DispatchAsync();
        Assert.Equal(before, _app.PickedUpEmails().Length);
    }

    [Fact]
    public async Task DueEmailToASuppressedAddress_ClosesTheCartAndItsOpenFollowUpTask()
    {
        var store = await _app.DemoStoreAsync();
        var cart = await AbandonAsync(store, "chk-suppressed");
        _drive.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, (await _drive.DispatchAsync()).Sent);
        // Quiet hours hold step 2 (an email) while step 3 creates its follow-up task: the task is open, the email waits.
        var policies = _app.Service<IStorePolicyRepository>();
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(_app.Time.GetUtcNow(), store.ResolveTimeZone()).DateTime);
        var policy = await policies.GetAsync(store.Id, _drive.Ct);
        await policies.SaveAsync(store.Id, policy with { QuietHours = new(local.AddHours(-1), local.AddHours(2)) }, _app.Time.GetUtcNow(), _drive.Ct);
        _drive.Advance(TimeSpan.FromSeconds(40));
        await _drive.DispatchAsync();
        var task = Assert.Single(await _app.Service<Core.Tasks.IFollowUpTaskRepository>().ListAsync(store.Id, Core.Tasks.FollowUpTaskStatus.Open, null, _drive.Ct));
        // On the list without this cart being closed: a suppression recorded before opt-outs closed carts.
        await _app.Service<Core.Suppression.ISuppressionList>().SuppressAsync(store.Id, "ana@example.com", "imported", _app.Time.GetUtcNow(), _drive.Ct);

        _drive.Advance(TimeSpan.FromHours(3));
        Assert.Equal(1, (await _drive.DispatchAsync()).Cancelled);

        await _drive.AssertOptedOutAsync(cart, task);
    }

    [Fact]
    public async Task Purchase_CancelsTheRemainingSteps()
    {
        var store = await _app.DemoStoreAsync();
        var (cart, _) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-bought");

        await _app.Service<CartIngestion>().ReportOrderAsync(new OrderReport(store.Id, cart.ExternalId, "#1001", cart.TotalMinor, _app.Time.GetUtcNow()), _drive.Ct);

        await AssertStoppedAsync(cart, CartStatus.Recovered, "#1001");
    }

    [Fact]
    public async Task EmptiedCart_ExpiresAndCancelsTheRemainingSteps()
    {
        var store = await _app.DemoStoreAsync();
        var cart = await AbandonAsync(store, "chk-emptied");

        var now = _app.Time.GetUtcNow();
        await _app.Service<CartIngestion>().ReportCartAsync(new CartSnapshot(store.Id, cart.ExternalId, cart.Contact, [], cart.Currency, 0, 0,
            cart.RestoreUrl, cart.PlatformCreatedAt, now), _drive.Ct);

        await AssertStoppedAsync(cart, CartStatus.Expired, TimelineTexts.English(CartIngestion.EmptiedReason));
    }

    [Fact]
    public async Task ActiveCartEmptied_IsNotEnrolled()
    {
        var store = await _app.DemoStoreAsync();
        await _drive.ReportCartAsync(store, "chk-empty-active");
        var cart = (await _drive.CartAsync(store, "chk-empty-active"))!;
        await _app.Service<CartIngestion>().ReportCartAsync(new CartSnapshot(store.Id, cart.ExternalId, cart.Contact, [], cart.Currency, 0, 0,
            cart.RestoreUrl, cart.PlatformCreatedAt, _app.Time.GetUtcNow().AddSeconds(1)), _drive.Ct);
        Assert.Equal(CartStatus.Active, (await _drive.CartAsync(store, "chk-empty-active"))!.Status);

        _drive.Advance(TimeSpan.FromSeconds(12));

        Assert.Equal(0, await _drive.DetectAsync());
        await AssertStoppedAsync(cart, CartStatus.Expired, TimelineTexts.English(SendingRules.EmptyCart));
    }

    [Fact]
    public async Task NewerCartOfTheSameCustomer_ReplacesTheOlderOne()
    {
        var store = await _app.DemoStoreAsync();
        var older = await AbandonAsync(store, "chk-older");

        await _drive.ReportCartAsync(store, "chk-newer", "ANA@example.com");

        await AssertStoppedAsync(older, CartStatus.Expired, "replaced by a newer cart");
        Assert.Equal(1, await _drive.DetectAsync());
        Assert.Equal(CartStatus.Abandoned, (await _drive.CartAsync(store, "chk-newer"))!.Status);
    }
}
