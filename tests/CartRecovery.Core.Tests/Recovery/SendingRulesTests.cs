using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CartRecovery.Core.Tests.Recovery;

public sealed class SendingRulesTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly Mock<IStorePolicyRepository> _policies = new();
    private readonly Mock<IMessageRepository> _messages = new();
    private readonly RecoveryOptions _options = new();
    private readonly FakeTimeProvider _time = new(TestData.Now);
    private readonly Mock<ICustomerHistory> _history = new(MockBehavior.Strict);
    private SendingPolicy _policy = SendingPolicy.Default;

    public SendingRulesTests()
    {
        _policies.Setup(p => p.GetAsync(1, Ct)).ReturnsAsync(() => _policy);
        _policies.Setup(p => p.CapGroupAsync(1, Ct)).ReturnsAsync([1L, 2L]);
        _messages.Setup(m => m.CountEmailsSentAsync(It.IsAny<IReadOnlyCollection<long>>(), It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<DateTimeOffset>(), Ct))
            .ReturnsAsync(new Dictionary<string, int>());
    }

    private SendingRules Create() => new(_policies.Object, _messages.Object, Sample.NoPlans(_time), _options, _time, _history.Object);

    private static readonly OfferSpec TenPercent = new(OfferKind.Percentage, 10, TimeSpan.FromDays(2));

    [Fact]
    public async Task ChooseOffer_ReadsTheCustomersHistoryAcrossTheAccountsStoresOverTheCooldown_AndWithholdsARecentSecondOffer()
    {
        var cart = Sample.Cart();
        _history.Setup(h => h.OfferHistoryAsync(cart, new long[] { 1, 2 }, TestData.Now - TimeSpan.FromDays(30), Ct))
            .ReturnsAsync(new CustomerOfferHistory(TestData.Now.AddDays(-10), 1, 0));

        var choice = await Create().ChooseOfferAsync(TenPercent, cart, TestData.Store(), Ct);

        Assert.Null(choice.Offer);
        Assert.Equal(TimelineCodes.OfferCooldown, choice.WhyNot?.Code);
    }

    [Fact]
    public async Task ChooseOffer_WithTheStoresRuleOff_KeepsTheOfferWithoutReadingHistory()
    {
        _policy = SendingPolicy.Default with { Offers = new OfferPolicy(0, 0) };

        var choice = await Create().ChooseOfferAsync(TenPercent, Sample.Cart(), TestData.Store(), Ct);

        Assert.Equal(new OfferChoice(TenPercent, null), choice);
        _history.VerifyNoOtherCalls();
    }

    private void EmailsAlreadySent(int count) =>
        _messages.Setup(m => m.CountEmailsSentAsync(new long[] { 1, 2 }, new[] { "ana@example.com" }, TestData.Now - TimeSpan.FromDays(7), Ct))
            .ReturnsAsync(new Dictionary<string, int> { ["ana@example.com"] = count });

    [Fact]
    public async Task CheckEmail_UnderTheCap_Sends()
    {
        EmailsAlreadySent(1);

        Assert.Same(SendingDecision.Send, await Create().CheckEmailAsync(Sample.Cart(), TestData.Store(), new SendingBatch(), Ct));
    }

    [Fact]
    public async Task CheckEmail_WhenTheAccountsStoresAlreadySentTheCap_Cancels()
    {
        EmailsAlreadySent(2);

        var decision = await Create().CheckEmailAsync(Sample.Cart(), TestData.Store(), new SendingBatch(), Ct);

        Assert.Equal("frequency cap: 2 recovery email(s) already sent to this address within 7 day(s)", TimelineTexts.English(decision.CancelReason!));
    }

    [Fact]
    public async Task CheckEmail_WithTheCapOff_NeverCounts()
    {
        _policy = _policy with { FrequencyCap = FrequencyCap.Off };
        EmailsAlreadySent(50);

        Assert.Same(SendingDecision.Send, await Create().CheckEmailAsync(Sample.Cart(), TestData.Store(), new SendingBatch(), Ct));
        _messages.Verify(m => m.CountEmailsSentAsync(It.IsAny<IReadOnlyCollection<long>>(), It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<DateTimeOffset>(), Ct), Times.Never);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task CheckEmail_SubscribedOnly_SendsOnlyToCustomersWhoConsented(bool? acceptsMarketing, bool sends)
    {
        _policy = _policy with { Consent = ConsentRule.SubscribedOnly };
        var cart = Sample.Cart() with { Contact = Sample.Cart().Contact with { AcceptsMarketing = acceptsMarketing } };

        var decision = await Create().CheckEmailAsync(cart, TestData.Store(), new SendingBatch(), Ct);

        Assert.Equal(sends ? null : SendingRules.NoConsent, decision.CancelReason);
    }

    [Fact]
    public async Task CheckEmail_ConsentAll_SendsEvenWhenTheCustomerDidNotTickMarketing()
    {
        var cart = Sample.Cart() with { Contact = Sample.Cart().Contact with { AcceptsMarketing = false } };

        Assert.Same(SendingDecision.Send, await Create().CheckEmailAsync(cart, TestData.Store(), new SendingBatch(), Ct));
    }

    [Fact]
    public async Task CheckEmail_DuringQuietHoursInTheStoresZone_WaitsForTheirEnd_BeforeCountingTheCap()
    {
        // T0 is 09:00 UTC = 04:00 in New York (EST) in November.
        _policy = _policy with { QuietHours = new QuietHours(new TimeOnly(21, 0), new TimeOnly(8, 0)) };
        EmailsAlreadySent(5);

        var decision = await Create().CheckEmailAsync(Sample.Cart(), TestData.Store() with { TimeZone = "America/New_York" }, new SendingBatch(), Ct);

        Assert.Equal(TestData.Now.AddHours(4), decision.WaitUntil);
        Assert.Null(decision.CancelReason);
        Assert.Contains("21:00-08:00 (America/New_York)", TimelineTexts.English(decision.Reason!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckEmail_ForAnEmptyCart_Cancels()
    {
        var decision = await Create().CheckEmailAsync(Sample.Cart() with { Lines = [] }, TestData.Store(), new SendingBatch(), Ct);

        Assert.Equal(SendingRules.EmptyCart, decision.CancelReason);
    }

    [Fact]
    public async Task RefuseEnrolment_UsesTheStoresMaximumAge_AndTheGlobalOneWithoutIt()
    {
        var cart = Sample.Cart(status: CartStatus.Active);
        var now = TestData.Now.AddDays(3);

        Assert.Null(await Create().RefuseEnrolmentAsync(cart, now, Ct));
        _policy = _policy with { MaxCartAge = TimeSpan.FromDays(2) };
        Assert.Equal(TimelineEntry.Of(TimelineCodes.TooOld), await Create().RefuseEnrolmentAsync(cart, now, Ct));
    }

    [Fact]
    public async Task RefuseEnrolment_WithoutConsentUnderSubscribedOnly_OrWithoutLines_RefusesWithTheReason()
    {
        _policy = _policy with { Consent = ConsentRule.SubscribedOnly };
        var cart = Sample.Cart(status: CartStatus.Active);

        Assert.Equal(SendingRules.NoConsent, await Create().RefuseEnrolmentAsync(cart, TestData.Now, Ct));
        var consented = cart with { Contact = cart.Contact with { AcceptsMarketing = true } };
        Assert.Null(await Create().RefuseEnrolmentAsync(consented, TestData.Now, Ct));
        Assert.Equal(SendingRules.EmptyCart, await Create().RefuseEnrolmentAsync(consented with { Lines = [] }, TestData.Now, Ct));
    }
}
