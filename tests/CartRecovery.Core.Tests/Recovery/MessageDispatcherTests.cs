using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Tasks;
using CartRecovery.Testing;
using Moq;

namespace CartRecovery.Core.Tests.Recovery;

public sealed class MessageDispatcherTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly OfferSpec TenPercent = new(OfferKind.Percentage, 10, TimeSpan.FromHours(48));

    [Fact]
    public async Task RunOnce_WhenCartIsAbandoned_SendsOneEmailWithLinksAndMarksItSent()
    {
        var f = new DispatcherFixture(Sample.Message());

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal(1, summary.Sent);
        var email = Assert.Single(f.Sent);
        Assert.Equal("ana@example.com", email.To);
        Assert.StartsWith("https://recover.example/u/", email.UnsubscribeUrl, StringComparison.Ordinal);
        Assert.Contains("https://recover.example/r/", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("cart-10.step-1.msg-100@recover.example", email.InternetMessageId);
        f.Messages.Verify(m => m.MarkSentAsync(100, It.IsAny<string>(), "ana@example.com", "provider-1", TestData.Now, It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task RunOnce_FirstEmailOfTheCart_AsksWhyTheCustomerLeft_ALaterOneDoesNot()
    {
        var first = Sample.Message();
        var later = first with { Id = 101, Step = 2 };
        var f = new DispatcherFixture(later);
        f.Messages.Setup(m => m.ListForCartAsync(later.CartId, Ct)).ReturnsAsync([first with { Status = MessageStatus.Sent }, later]);

        await f.Create().RunOnceAsync(Ct);

        Assert.Null(Assert.Single(f.Composed).ReasonUrl);

        var g = new DispatcherFixture(first);
        await g.Create().RunOnceAsync(Ct);

        Assert.StartsWith("https://recover.example/why/", Assert.Single(g.Composed).ReasonUrl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CartStatus.Recovered)]
    [InlineData(CartStatus.ConvertedUnassisted)]
    [InlineData(CartStatus.OptedOut)]
    [InlineData(CartStatus.Active)]
    public async Task RunOnce_WhenCartNoLongerWantsMessages_CancelsWithoutSending(CartStatus status)
    {
        var f = new DispatcherFixture(Sample.Message(), Sample.Cart(status: status));

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal(1, summary.Cancelled);
        Assert.Empty(f.Sent);
        f.Messages.Verify(m => m.MarkCancelledAsync(100, It.IsAny<string>(), It.IsAny<string>(), Ct));
    }

    [Fact]
    public async Task RunOnce_WhenAddressIsSuppressed_CancelsAndOptsTheCartOut()
    {
        var f = new DispatcherFixture(Sample.Message());
        f.Suppressed.Add((1, "ana@example.com"));

        await f.Create().RunOnceAsync(Ct);

        Assert.Empty(f.Sent);
        f.Suppressions.Verify(s => s.OptOutAsync(new(1, "ana@example.com", "the address is suppressed", 10, TestData.Now, TestData.Now), Ct));
    }

    [Fact]
    public async Task RunOnce_WhenCartHasNoEmail_CancelsWithoutSending()
    {
        var f = new DispatcherFixture(Sample.Message(), Sample.Cart(email: null));

        Assert.Equal(1, (await f.Create().RunOnceAsync(Ct)).Cancelled);
        Assert.Empty(f.Sent);
    }

    [Fact]
    public async Task RunOnce_WhenPlatformAlreadyHasAnOrder_Cancels()
    {
        var f = new DispatcherFixture(Sample.Message());
        f.Storefront.Setup(s => s.CheckCartAsync(It.IsAny<Store>(), It.IsAny<Cart>(), Ct)).ReturnsAsync(StorefrontCartState.Ordered);

        Assert.Equal(1, (await f.Create().RunOnceAsync(Ct)).Cancelled);
        Assert.Empty(f.Sent);
    }

    [Fact]
    public async Task RunOnce_WhenStepCarriesAnOffer_IssuesTheCodeAndStoresItBeforeSending()
    {
        var f = new DispatcherFixture(Sample.Message(offer: TenPercent));
        var order = new List<string>();
        f.Storefront.Setup(s => s.IssueOfferAsync(It.IsAny<Store>(), It.IsAny<Cart>(), TenPercent, TestData.Now.AddHours(48), Ct))
            .ReturnsAsync(new IssuedOffer("BACK-1234", "10% off", TestData.Now.AddHours(48)));
        f.Messages.Setup(m => m.SetOfferCodeAsync(100, It.IsAny<string>(), TenPercent, "BACK-1234", TestData.Now.AddHours(48), Ct))
            .Callback(() => order.Add("stored")).ReturnsAsync(true);
        f.Transport.Setup(t => t.SendAsync(It.IsAny<EmailMessage>(), Ct)).Callback(() => order.Add("sent")).ReturnsAsync("p");
        EmailModel? model = null;
        f.Composer.Setup(c => c.ComposeAsync(It.IsAny<EmailModel>(), Ct)).Callback((EmailModel m, CancellationToken _) => model = m)
            .ReturnsAsync(new EmailContent("s", "h", "t"));

        await f.Create().RunOnceAsync(Ct);

        Assert.Equal(["stored", "sent"], order);
        Assert.Equal("BACK-1234", model?.Offer?.Code);
    }

    [Fact]
    public async Task RunOnce_WhenAFixedAmountOfferIsNotInTheCartsCurrency_SendsTheStepWithoutItAndNotesWhy()
    {
        var fiveEuros = new OfferSpec(OfferKind.FixedAmount, 500, TimeSpan.FromHours(48));
        var f = new DispatcherFixture(Sample.Message(offer: fiveEuros), Sample.Cart() with { Currency = "USD" });
        EmailModel? model = null;
        f.Composer.Setup(c => c.ComposeAsync(It.IsAny<EmailModel>(), Ct)).Callback((EmailModel m, CancellationToken _) => model = m)
            .ReturnsAsync(new EmailContent("s", "h", "t"));

        Assert.Equal(1, (await f.Create().RunOnceAsync(Ct)).Sent);

        Assert.NotNull(model);
        Assert.Null(model.Offer);
        f.Storefront.Verify(s => s.IssueOfferAsync(It.IsAny<Store>(), It.IsAny<Cart>(), It.IsAny<OfferSpec>(), It.IsAny<DateTimeOffset>(), Ct), Times.Never);
        f.Carts.Verify(c => c.AddEventAsync(It.Is<CartEvent>(e => e.Kind == CartEventKinds.OfferWithheld && e.Detail.Contains("USD", StringComparison.Ordinal)), Ct));
    }

    [Fact]
    public async Task RunOnce_WhenRetryingAMessageWhoseCodeWasIssued_ReusesTheCode()
    {
        var message = Sample.Message(offer: TenPercent) with { OfferCode = "BACK-OLD", OfferExpiresAt = TestData.Now.AddHours(40), Attempts = 2 };
        var f = new DispatcherFixture(message);
        EmailModel? model = null;
        f.Composer.Setup(c => c.ComposeAsync(It.IsAny<EmailModel>(), Ct)).Callback((EmailModel m, CancellationToken _) => model = m)
            .ReturnsAsync(new EmailContent("s", "h", "t"));

        await f.Create().RunOnceAsync(Ct);

        Assert.Equal("BACK-OLD", model?.Offer?.Code);
        f.Storefront.Verify(s => s.IssueOfferAsync(It.IsAny<Store>(), It.IsAny<Cart>(), It.IsAny<OfferSpec>(), It.IsAny<DateTimeOffset>(), Ct), Times.Never);
    }

    [Fact]
    public async Task RunOnce_WhenTransportFailsTransiently_RetriesLaterWithBackoff()
    {
        var f = new DispatcherFixture(Sample.Message() with { Attempts = 2 });
        f.Transport.Setup(t => t.SendAsync(It.IsAny<EmailMessage>(), Ct)).ThrowsAsync(new EmailSendException("timeout", isTransient: true));

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal(1, summary.Retrying);
        // Second attempt failed: the retry waits two backoffs.
        f.Messages.Verify(m => m.MarkFailedAsync(100, It.IsAny<string>(), "timeout", TestData.Now + f.Options.RetryBackoff * 2, Ct));
    }

    [Fact]
    public async Task RunOnce_WhenTheLastAttemptFails_MarksTheMessageFailed()
    {
        var f = new DispatcherFixture(Sample.Message() with { Attempts = 5 });
        f.Transport.Setup(t => t.SendAsync(It.IsAny<EmailMessage>(), Ct)).ThrowsAsync(new EmailSendException("timeout", isTransient: true));

        Assert.Equal(1, (await f.Create().RunOnceAsync(Ct)).Failed);
        f.Messages.Verify(m => m.MarkFailedAsync(100, It.IsAny<string>(), "timeout", null, Ct));
    }

    [Fact]
    public async Task RunOnce_WhenProviderReportsTheRecipientInactive_SuppressesAndCancelsTheRest()
    {
        var f = new DispatcherFixture(Sample.Message());
        f.Transport.Setup(t => t.SendAsync(It.IsAny<EmailMessage>(), Ct)).ThrowsAsync(new EmailSendException("inactive", false, recipientSuppressed: true));

        Assert.Equal(1, (await f.Create().RunOnceAsync(Ct)).Cancelled);
        f.Suppressions.Verify(s => s.OptOutAsync(
            new(1, "ana@example.com", "the email provider reports the address as inactive", 10, TestData.Now, TestData.Now), Ct));
    }

    [Fact]
    public async Task RunOnce_WhenStepIsAFollowUpTask_CreatesTheTaskAndSendsNoEmail()
    {
        var f = new DispatcherFixture(Sample.Message(step: 3, kind: StepKind.FollowUpTask));
        f.Tasks.Setup(t => t.CreateAsync(It.IsAny<FollowUpTask>(), Ct)).ReturnsAsync((FollowUpTask t, CancellationToken _) => t);

        Assert.Equal(1, (await f.Create().RunOnceAsync(Ct)).Sent);
        Assert.Empty(f.Sent);
        f.Tasks.Verify(t => t.CreateAsync(It.Is<FollowUpTask>(x => x.MessageId == 100 && x.CartId == 10 && x.Summary.Contains("ana@example.com")), Ct));
    }

    [Fact]
    public async Task RunOnce_WhenOneMessageThrows_StillSendsTheOthers()
    {
        var broken = Sample.Message(100);
        var fine = Sample.Message(101) with { CartId = 11 };
        var f = new DispatcherFixture(broken);
        f.Messages.Setup(m => m.ClaimDueAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<int>(), Ct)).ReturnsAsync([broken, fine]);
        f.Messages.Setup(m => m.MarkSentAsync(101, It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        f.Carts.Setup(c => c.GetAsync(11, Ct)).ReturnsAsync(Sample.Cart(11));
        f.Composer.Setup(c => c.ComposeAsync(It.Is<EmailModel>(m => m.Message.Id == 100), Ct)).ThrowsAsync(new InvalidOperationException("broken template"));

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal((1, 1), (summary.Failed, summary.Sent));
        f.Messages.Verify(m => m.MarkFailedAsync(100, It.IsAny<string>(), "broken template", null, Ct));
    }

    [Fact]
    public async Task RunOnce_WhenTheProviderRejectsOurCredentials_PausesTheStoreAndKeepsTheMessage()
    {
        var f = new DispatcherFixture(Sample.Message());
        f.Transport.Setup(t => t.SendAsync(It.IsAny<EmailMessage>(), Ct))
            .ThrowsAsync(new EmailSendException("server token rejected", isTransient: false, credentialsRejected: true));

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal((0, 0, 1), (summary.Sent, summary.Failed, summary.Retrying));
        f.Stores.Verify(s => s.UpsertAsync(It.Is<Store>(x => x.SendingPausedReason == "server token rejected"), Ct));
        f.Messages.Verify(m => m.ReleaseAsync(100, It.IsAny<string>(), TestData.Now + MessageDispatcher.PausedRecheck, Ct));
        f.Messages.Verify(m => m.MarkFailedAsync(It.IsAny<long>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset?>(), Ct), Times.Never);
    }

    [Fact]
    public async Task RunOnce_WhenTheStoresSendingIsPaused_SendsNothingAndKeepsTheMessage()
    {
        var f = new DispatcherFixture(Sample.Message());
        f.Stores.Setup(s => s.GetAsync(1, Ct)).ReturnsAsync(TestData.Store() with { SendingPausedReason = "token rejected" });

        await f.Create().RunOnceAsync(Ct);

        Assert.Empty(f.Sent);
        f.Messages.Verify(m => m.ReleaseAsync(100, It.IsAny<string>(), It.IsAny<DateTimeOffset>(), Ct));
    }
}
