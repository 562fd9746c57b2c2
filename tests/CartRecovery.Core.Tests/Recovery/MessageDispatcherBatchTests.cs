using CartRecovery.Core.Billing;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Suppression;
using CartRecovery.Testing;
using Moq;

namespace CartRecovery.Core.Tests.Recovery;

/// <summary>A claimed batch's emails go to a batch-capable transport in one call, and each outcome is recorded on its own.</summary>
public sealed class MessageDispatcherBatchTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task RunOnce_WithABatchTransport_HandsTheBatchOverInOneCallAndRecordsEachOutcome()
    {
        var (f, batches) = Fixture(3);
        batches.Setup(t => t.SendBatchAsync(It.IsAny<IReadOnlyList<EmailMessage>>(), Ct)).ReturnsAsync((IReadOnlyList<EmailMessage> emails, CancellationToken _) =>
        [
            new EmailSendOutcome(emails[0].MessageId, "pm-0", null),
            new EmailSendOutcome(emails[1].MessageId, null, new EmailSendException("inactive recipient", isTransient: false, recipientSuppressed: true)),
            new EmailSendOutcome(emails[2].MessageId, null, new EmailSendException("Postmark did not answer", isTransient: true)),
        ]);

        var summary = await f.Create().RunOnceAsync(Ct);

        batches.Verify(t => t.SendBatchAsync(It.Is<IReadOnlyList<EmailMessage>>(e => e.Select(m => m.MessageId).SequenceEqual(new long[] { 100, 101, 102 })), Ct), Times.Once);
        f.Transport.Verify(t => t.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Equal((1, 1, 1), (summary.Sent, summary.Cancelled, summary.Retrying));
        f.Messages.Verify(m => m.MarkSentAsync(100, It.IsAny<string>(), "c0@example.com", "pm-0", TestData.Now, It.IsAny<CancellationToken>()));
        f.Messages.Verify(m => m.MarkSentAsync(It.IsIn(101L, 102L), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
        f.Suppressions.Verify(s => s.OptOutAsync(It.Is<OptOutRecord>(r => r.Email == "c1@example.com" && r.Reason == OptOutReasons.ProviderInactive && r.CartId == 11), Ct));
        f.Messages.Verify(m => m.MarkCancelledAsync(101, It.IsAny<string>(), It.IsAny<string>(), Ct));
        f.Messages.Verify(m => m.MarkFailedAsync(102, It.IsAny<string>(), "Postmark did not answer", It.IsNotNull<DateTimeOffset?>(), Ct));
        f.Carts.Verify(c => c.AddEventAsync(It.Is<CartEvent>(e => e.Kind == CartEventKinds.MessageSent && e.MessageId == 100), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RunOnce_ReadsTheBatchsSuppressionsAndCapCountsOnceEach_AndAppliesThemToEachAddress()
    {
        var (f, batches) = Fixture(4);
        f.Suppressed.Add((1, "c1@example.com"));
        f.EmailsAlreadySent("c2@example.com", 2);
        batches.Setup(t => t.SendBatchAsync(It.IsAny<IReadOnlyList<EmailMessage>>(), Ct))
            .ReturnsAsync((IReadOnlyList<EmailMessage> emails, CancellationToken _) => [.. emails.Select(e => new EmailSendOutcome(e.MessageId, "pm", null))]);

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal((2, 2), (summary.Sent, summary.Cancelled));
        batches.Verify(t => t.SendBatchAsync(It.Is<IReadOnlyList<EmailMessage>>(e => e.Select(m => m.MessageId).SequenceEqual(new long[] { 100, 103 })), Ct));
        string[] addresses = ["c0@example.com", "c1@example.com", "c2@example.com", "c3@example.com"];
        f.Suppressions.Verify(s => s.SuppressedAmongAsync(1, It.Is<IReadOnlyCollection<string>>(e => e.Order().SequenceEqual(addresses)), Ct), Times.Once);
        f.Suppressions.Verify(s => s.IsSuppressedAsync(It.IsAny<long>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        // The cap counts of all four addresses come from one read.
        f.Messages.Verify(m => m.CountEmailsSentAsync(It.IsAny<IReadOnlyCollection<long>>(), It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<DateTimeOffset>(), Ct), Times.Once);
        f.Messages.Verify(m => m.MarkCancelledAsync(101, It.IsAny<string>(), It.Is<string>(r => r.Contains("suppressed", StringComparison.Ordinal)), Ct));
        f.Messages.Verify(m => m.MarkCancelledAsync(102, It.IsAny<string>(), It.Is<string>(r => r.StartsWith("frequency cap", StringComparison.Ordinal)), Ct));
    }

    [Fact]
    public async Task RunOnce_WhenTheBatchsCredentialsAreRejected_PausesTheStoreOnceAndKeepsEveryMessage()
    {
        var (f, batches) = Fixture(2);
        batches.Setup(t => t.SendBatchAsync(It.IsAny<IReadOnlyList<EmailMessage>>(), Ct)).ReturnsAsync((IReadOnlyList<EmailMessage> emails, CancellationToken _) =>
            [.. emails.Select(e => new EmailSendOutcome(e.MessageId, null, new EmailSendException("server token rejected", isTransient: false, credentialsRejected: true)))]);

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal((0, 2), (summary.Sent, summary.Retrying));
        f.Stores.Verify(s => s.UpsertAsync(It.Is<Store>(x => x.SendingPausedReason == "server token rejected"), Ct), Times.Once);
        f.Messages.Verify(m => m.ReleaseAsync(It.IsIn(100L, 101L), It.IsAny<string>(), TestData.Now + MessageDispatcher.PausedRecheck, Ct), Times.Exactly(2));
    }

    [Fact]
    public async Task RunOnce_WhenTheBatchCallThrows_FailsEachEmailForARetry()
    {
        var (f, batches) = Fixture(2);
        batches.Setup(t => t.SendBatchAsync(It.IsAny<IReadOnlyList<EmailMessage>>(), Ct)).ThrowsAsync(new HttpRequestException("connection reset"));

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal((0, 2), (summary.Sent, summary.Retrying));
        f.Messages.Verify(m => m.MarkFailedAsync(It.IsIn(100L, 101L), It.IsAny<string>(), "connection reset", It.IsNotNull<DateTimeOffset?>(), Ct), Times.Exactly(2));
    }

    [Fact]
    public async Task RunOnce_TheFrequencyCapCountsTheBatchsQueuedEmails()
    {
        // One email a day at most: a second cart of the same customer in the same batch is over the cap, though neither is recorded yet.
        var first = Sample.Message(100);
        var second = Sample.Message(101) with { CartId = 11 };
        var f = new DispatcherFixture(first);
        f.Policies.Setup(p => p.GetAsync(It.IsAny<long>(), Ct)).ReturnsAsync(SendingPolicy.Default with { FrequencyCap = new FrequencyCap(1, TimeSpan.FromDays(1)) });
        f.Messages.Setup(m => m.ClaimDueAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<int>(), Ct)).ReturnsAsync([first, second]);
        f.Messages.Setup(m => m.MarkCancelledAsync(101, It.IsAny<string>(), It.IsAny<string>(), Ct)).ReturnsAsync(true);
        f.Carts.Setup(c => c.GetAsync(11, Ct)).ReturnsAsync(Sample.Cart(11, email: " ANA@example.com"));

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal((1, 1), (summary.Sent, summary.Cancelled));
        Assert.Equal([100L], f.Sent.Select(e => e.MessageId));
    }

    [Fact]
    public async Task RunOnce_ThePlanAllowanceCountsTheBatchsQueuedEmails()
    {
        var (f, _) = Fixture(3);
        // A free plan of two emails a month, none sent yet: the third email of the batch waits for the next period.
        f.Billing.Enabled = true;
        f.Billing.DefaultPlan = "Free";
        f.Billing.Plans.Add(new Plan { Name = "Free", IncludedEmails = 2 });
        f.Transport.As<IBatchEmailTransport>().Setup(t => t.SendBatchAsync(It.IsAny<IReadOnlyList<EmailMessage>>(), Ct))
            .Callback((IReadOnlyList<EmailMessage> emails, CancellationToken _) => f.Sent.AddRange(emails))
            .ReturnsAsync((IReadOnlyList<EmailMessage> emails, CancellationToken _) => [.. emails.Select(e => new EmailSendOutcome(e.MessageId, "pm", null))]);

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal((2, 1), (summary.Sent, summary.Retrying));
        Assert.Equal([100L, 101L], f.Sent.Select(e => e.MessageId));
    }

    /// <summary><paramref name="count"/> claimed messages (ids from 100) of carts with distinct addresses, and a transport that takes batches.</summary>
    private static (DispatcherFixture Fixture, Mock<IBatchEmailTransport> Batches) Fixture(int count)
    {
        var claimed = Enumerable.Range(0, count).Select(i => Sample.Message(100 + i) with { CartId = 10 + i }).ToList();
        var f = new DispatcherFixture(claimed[0]);
        var batches = f.Transport.As<IBatchEmailTransport>();
        f.Messages.Setup(m => m.ClaimDueAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<int>(), Ct)).ReturnsAsync(claimed);
        for (var i = 0; i < count; i++)
        {
            var cartId = 10 + i;
            f.Carts.Setup(c => c.GetAsync(cartId, Ct)).ReturnsAsync(Sample.Cart(cartId, email: $"c{i}@example.com"));
            f.Messages.Setup(m => m.MarkSentAsync(100 + i, It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
            f.Messages.Setup(m => m.MarkCancelledAsync(100 + i, It.IsAny<string>(), It.IsAny<string>(), Ct)).ReturnsAsync(true);
        }
        return (f, batches);
    }
}
