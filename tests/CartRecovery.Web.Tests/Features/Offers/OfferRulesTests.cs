using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Tests.Features.Offers;

/// <summary>
/// Reward loyalty, not abandonment, through the real host: the demo sequence's offer step (20 s after abandonment) goes
/// out without its code to a customer who got an offer from a shop of the same group within the cooldown, and with it
/// elsewhere or once the rule is off.
/// </summary>
public sealed class OfferRulesTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly CartRecoveryAppFactory _app = new(demo: true);
    private readonly RecoveryDriver _drive;

    public OfferRulesTests() => _drive = new RecoveryDriver(_app);

    public void Dispose() => _app.Dispose();

    // The demo store and a sibling shop of the same platform, each with a policy in the given group and no frequency cap.
    private async Task<(Store Demo, Store Sibling)> ShopsAsync(string? siblingGroup = "alpine", OfferPolicy? rules = null)
    {
        var demo = await _app.DemoStoreAsync();
        var sibling = await _app.Service<IStoreRepository>().UpsertAsync(demo with { Id = 0, ExternalId = "alpine-two", Name = "Alpine Two", PublicKey = null }, Ct);
        var policies = _app.Service<IStorePolicyRepository>();
        var offers = rules ?? OfferPolicy.Default;
        await policies.SaveAsync(demo.Id, new SendingPolicy { Account = "alpine", FrequencyCap = FrequencyCap.Off, Offers = offers }, _app.Time.GetUtcNow(), Ct);
        await policies.SaveAsync(sibling.Id, new SendingPolicy { Account = siblingGroup, FrequencyCap = FrequencyCap.Off, Offers = offers }, _app.Time.GetUtcNow(), Ct);
        return (demo, sibling);
    }

    // Reports the cart, lets it be abandoned and walks it past the offer step; returns the offer step's message.
    private async Task<(Cart Cart, OutboundMessage Offer)> AbandonPastTheOfferAsync(Store store, string externalId, string email = "ana@example.com")
    {
        await _drive.ReportCartAsync(store, externalId, email);
        _drive.Advance(TimeSpan.FromSeconds(11));
        await _drive.DetectAsync();
        _drive.Advance(TimeSpan.FromSeconds(21));
        await _drive.DispatchAsync();
        var cart = (await _drive.CartAsync(store, externalId))!;
        var offer = (await _app.Service<IMessageRepository>().ListForCartAsync(cart.Id, Ct)).Single(m => m.Offer is not null);
        Assert.Equal(MessageStatus.Sent, offer.Status);
        return (cart, offer);
    }

    [Fact]
    public async Task SecondOffer_ToTheSameCustomerFromAShopOfTheGroup_GoesOutWithoutItsCode_AndTheTimelineSaysWhy()
    {
        var (demo, sibling) = await ShopsAsync();
        var (_, first) = await AbandonPastTheOfferAsync(demo, "first");
        Assert.NotNull(first.OfferCode);

        _drive.Advance(TimeSpan.FromDays(2));
        var (cart, second) = await AbandonPastTheOfferAsync(sibling, "second");

        Assert.Null(second.OfferCode);
        var timeline = await _app.Service<ICartRepository>().GetTimelineAsync(cart.Id, Ct);
        Assert.Contains(timeline, e => e.Kind == CartEventKinds.OfferWithheld
            && e.Detail.StartsWith("Step 2 goes out without its offer: this customer was sent an offer on ", StringComparison.Ordinal)
            && e.Detail.EndsWith(", within the last 30 days", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecondOffer_FromAShopOutsideTheGroup_OrAfterTheCooldown_CarriesItsCode()
    {
        var (demo, sibling) = await ShopsAsync(siblingGroup: null);
        await AbandonPastTheOfferAsync(demo, "first");

        _drive.Advance(TimeSpan.FromDays(2));
        var (_, elsewhere) = await AbandonPastTheOfferAsync(sibling, "elsewhere");
        _drive.Advance(TimeSpan.FromDays(31));
        var (_, later) = await AbandonPastTheOfferAsync(demo, "later");

        Assert.NotNull(elsewhere.OfferCode);
        Assert.NotNull(later.OfferCode);
    }

    [Fact]
    public async Task ACustomerWhoOrderedAtAShopOfTheGroup_GetsTheReturningOffer_ANewOneTheSteps()
    {
        var fifteen = new OfferSpec(OfferKind.Percentage, 15, TimeSpan.FromHours(72));
        var (demo, sibling) = await ShopsAsync(rules: OfferPolicy.Default with { ReturningCustomerOffer = fifteen });
        await _drive.ReportCartAsync(sibling, "ordered-before");
        var earlier = (await _drive.CartAsync(sibling, "ordered-before"))!;
        var now = _app.Time.GetUtcNow();
        Assert.True(await _app.Service<ICartRepository>().ConvertAsync(new CartConversion(earlier.Id, "o-1", 5_000, now, Core.Attribution.Attribution.Unassisted), now, Ct));

        var (_, returning) = await AbandonPastTheOfferAsync(demo, "returning");
        var (_, newcomer) = await AbandonPastTheOfferAsync(demo, "newcomer", "bo@example.com");

        Assert.Equal((fifteen, true), (returning.Offer, returning.OfferCode is not null));
        Assert.Equal((now + TimeSpan.FromSeconds(32) + fifteen.ValidFor).ToUnixTimeSeconds(), returning.OfferExpiresAt!.Value.ToUnixTimeSeconds(), 2.0);
        Assert.Equal((OfferKind.Percentage, 10L), (newcomer.Offer!.Kind, newcomer.Offer.Value));
        var offerEmails = _app.PickedUpEmails().Select(f => MimeKit.MimeMessage.Load(f)).Where(m => m.TextBody?.Contains("% off", StringComparison.Ordinal) == true)
            .ToDictionary(m => m.To.Mailboxes.Single().Address, m => m.TextBody);
        Assert.Contains("15% off", offerEmails["ana@example.com"], StringComparison.Ordinal);
        Assert.Contains("10% off", offerEmails["bo@example.com"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheRulesOff_EveryCartGetsItsOffer()
    {
        var (demo, _) = await ShopsAsync(rules: new(CooldownDays: 0, FarmingAbandons: 0));
        await AbandonPastTheOfferAsync(demo, "first");

        var (_, second) = await AbandonPastTheOfferAsync(demo, "second");

        Assert.NotNull(second.OfferCode);
    }
}
