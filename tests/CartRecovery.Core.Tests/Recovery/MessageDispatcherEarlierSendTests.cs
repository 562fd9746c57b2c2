using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Testing;
using Moq;

namespace CartRecovery.Core.Tests.Recovery;

/// <summary>
/// Exactly once across a crash: a retried message is looked up at the provider before it is sent again, and a dispatcher
/// whose lease is running out starts no more sends.
/// </summary>
public sealed class MessageDispatcherEarlierSendTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task RunOnce_WhenARetriedMessageWasAlreadyAccepted_MarksItSentWithoutSendingAgain()
    {
        var f = new DispatcherFixture(Sample.Message() with { Attempts = 2 });
        var lookup = f.Transport.As<ISentEmailLookup>();
        lookup.Setup(l => l.FindSentAsync(100, It.IsAny<string?>(), Ct)).ReturnsAsync("provider-earlier");

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal(1, summary.Sent);
        Assert.Empty(f.Sent);
        f.Messages.Verify(m => m.MarkSentAsync(100, It.IsAny<string>(), "ana@example.com", "provider-earlier", TestData.Now, It.IsAny<CancellationToken>()));
        f.Carts.Verify(c => c.AddEventAsync(It.Is<CartEvent>(e => e.Kind == CartEventKinds.MessageSent && e.MessageId == 100), Ct));
    }

    [Fact]
    public async Task RunOnce_WhenTheCartConvertedAfterAnAcceptedSend_StillRecordsTheSendInsteadOfCancelling()
    {
        // The node died after the provider accepted the email; the customer ordered before another node reclaimed it.
        var f = new DispatcherFixture(Sample.Message() with { Attempts = 2 }, Sample.Cart(status: CartStatus.Recovered));
        f.Transport.As<ISentEmailLookup>().Setup(l => l.FindSentAsync(100, It.IsAny<string?>(), Ct)).ReturnsAsync("provider-earlier");

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal(1, summary.Sent);
        Assert.Equal(0, summary.Cancelled);
        Assert.Empty(f.Sent);
        f.Messages.Verify(m => m.MarkSentAsync(100, It.IsAny<string>(), "ana@example.com", "provider-earlier", TestData.Now, It.IsAny<CancellationToken>()));
        f.Messages.Verify(m => m.MarkCancelledAsync(It.IsAny<long>(), It.IsAny<string>(), It.IsAny<string>(), Ct), Times.Never);
    }

    [Fact]
    public async Task RunOnce_WhenARetriedMessageIsUnknownToTheProvider_SendsIt()
    {
        var f = new DispatcherFixture(Sample.Message() with { Attempts = 3 });
        var lookup = f.Transport.As<ISentEmailLookup>();
        lookup.Setup(l => l.FindSentAsync(100, It.IsAny<string?>(), Ct)).ReturnsAsync((string?)null);

        await f.Create().RunOnceAsync(Ct);

        Assert.Single(f.Sent);
        lookup.Verify(l => l.FindSentAsync(100, It.IsAny<string?>(), Ct), Times.Once);
        f.Messages.Verify(m => m.MarkSentAsync(100, It.IsAny<string>(), "ana@example.com", "provider-1", TestData.Now, It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task RunOnce_OnAFirstAttempt_DoesNotAskTheProvider()
    {
        var f = new DispatcherFixture(Sample.Message() with { Attempts = 1 });
        var lookup = f.Transport.As<ISentEmailLookup>();

        await f.Create().RunOnceAsync(Ct);

        Assert.Single(f.Sent);
        lookup.Verify(l => l.FindSentAsync(It.IsAny<long>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RunOnce_WhenTheLeaseIsInItsLastTenth_LeavesTheMessageUnsentForTheNextClaim()
    {
        var f = new DispatcherFixture(Sample.Message() with { Attempts = 1, LeaseUntil = TestData.Now + TimeSpan.FromSeconds(20) });

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal(1, summary.Retrying);
        Assert.Empty(f.Sent);
        f.Messages.Verify(m => m.MarkSentAsync(It.IsAny<long>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RunOnce_WhenTheLeaseHasTimeLeft_Sends()
    {
        var f = new DispatcherFixture(Sample.Message() with { Attempts = 1, LeaseUntil = TestData.Now + TimeSpan.FromMinutes(4) });

        await f.Create().RunOnceAsync(Ct);

        Assert.Single(f.Sent);
    }

    [Fact]
    public async Task RunOnce_WhenTheProviderCannotBeAsked_RetriesLaterWithoutSending()
    {
        var f = new DispatcherFixture(Sample.Message() with { Attempts = 2 });
        f.Transport.As<ISentEmailLookup>().Setup(l => l.FindSentAsync(100, It.IsAny<string?>(), Ct))
            .ThrowsAsync(new EmailSendException("search unavailable", isTransient: true));

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal(1, summary.Retrying);
        Assert.Empty(f.Sent);
        f.Messages.Verify(m => m.MarkFailedAsync(100, It.IsAny<string>(), "search unavailable", It.IsNotNull<DateTimeOffset?>(), Ct));
    }
}
