using CartRecovery.Core.Billing;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Tasks;
using CartRecovery.Testing;
using Moq;

namespace CartRecovery.Core.Tests.Recovery;

/// <summary>The dispatcher applying the store's sending policy: quiet hours hold an email, the cap cancels it, tasks pass.</summary>
public sealed class MessageDispatcherSendingRulesTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly QuietHours Night = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    [Fact]
    public async Task RunOnce_DuringQuietHours_ReleasesTheEmailUntilTheyEndWithoutUsingAnAttempt()
    {
        var f = new DispatcherFixture(Sample.Message());
        f.Policies.Setup(p => p.GetAsync(1, Ct)).ReturnsAsync(SendingPolicy.Default with { QuietHours = Night });
        f.Stores.Setup(s => s.GetAsync(1, Ct)).ReturnsAsync(TestData.Store() with { TimeZone = "America/New_York" });
        f.Messages.Setup(m => m.ReleaseAsync(100, It.IsAny<string>(), It.IsAny<DateTimeOffset>(), Ct)).ReturnsAsync(true);

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal((0, 1, 0), (summary.Sent, summary.Retrying, summary.Failed));
        Assert.Empty(f.Sent);
        // 09:00 UTC is 04:00 in New York: the email waits for 08:00 there (13:00 UTC).
        f.Messages.Verify(m => m.ReleaseAsync(100, It.IsAny<string>(), TestData.Now.AddHours(4), Ct));
        f.Carts.Verify(c => c.AddEventAsync(It.Is<CartEvent>(e => e.Kind == CartEventKinds.MessageDeferred && e.MessageId == 100), Ct));
        f.Messages.Verify(m => m.MarkFailedAsync(It.IsAny<long>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset?>(), Ct), Times.Never);
    }

    [Fact]
    public async Task RunOnce_WhenTheAddressReachedTheFrequencyCap_CancelsWithTheReasonOnTheTimeline()
    {
        var f = new DispatcherFixture(Sample.Message(step: 2));
        f.EmailsAlreadySent("ana@example.com", 2);

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal(1, summary.Cancelled);
        Assert.Empty(f.Sent);
        f.Messages.Verify(m => m.MarkCancelledAsync(100, It.IsAny<string>(), It.Is<string>(r => r.StartsWith("frequency cap", StringComparison.Ordinal)), Ct));
        f.Carts.Verify(c => c.AddEventAsync(It.Is<CartEvent>(e => e.Kind == CartEventKinds.MessageCancelled && e.Detail.Contains("frequency cap", StringComparison.Ordinal)), Ct));
        // The cart stays abandoned: a later step is checked again when it falls due.
        f.Carts.Verify(c => c.CloseAsync(It.IsAny<long>(), It.IsAny<CartStatus>(), It.IsAny<TimelineEntry>(), It.IsAny<DateTimeOffset>(), Ct), Times.Never);
    }

    [Fact]
    public async Task RunOnce_WhenTheStoreUsedItsPlan_KeepsTheEmailUntilTheNextPeriodWithoutUsingAnAttempt()
    {
        var f = new DispatcherFixture(Sample.Message());
        f.Billing.Enabled = true;
        f.Billing.Plans.Add(new Plan { Name = "Starter", IncludedEmails = 500 });
        f.Billing.DefaultPlan = "Starter";
        f.Messages.Setup(m => m.CountStoreEmailsSentAsync(1, It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), Ct)).ReturnsAsync(500);
        f.Messages.Setup(m => m.ReleaseAsync(100, It.IsAny<string>(), It.IsAny<DateTimeOffset>(), Ct)).ReturnsAsync(true);

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal((0, 1, 0, 0), (summary.Sent, summary.Retrying, summary.Cancelled, summary.Failed));
        Assert.Empty(f.Sent);
        // Looked at again within the hour (a bigger plan may come before the period ends), never dropped.
        f.Messages.Verify(m => m.ReleaseAsync(100, It.IsAny<string>(), TestData.Now + PlanGate.AllowanceRecheck, Ct));
        f.Carts.Verify(c => c.AddEventAsync(It.Is<CartEvent>(e => e.Kind == CartEventKinds.MessageDeferred && e.Detail.Contains("Starter plan", StringComparison.Ordinal)), Ct));
        f.Messages.Verify(m => m.MarkFailedAsync(It.IsAny<long>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset?>(), Ct), Times.Never);
    }

    [Fact]
    public async Task RunOnce_WhenTheStoreHasEmailsLeftOnItsPlan_Sends()
    {
        var f = new DispatcherFixture(Sample.Message());
        f.Billing.Enabled = true;
        f.Billing.Plans.Add(new Plan { Name = "Starter", IncludedEmails = 500 });
        f.Billing.DefaultPlan = "Starter";
        f.Messages.Setup(m => m.CountStoreEmailsSentAsync(1, It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), Ct)).ReturnsAsync(499);

        Assert.Equal(1, (await f.Create().RunOnceAsync(Ct)).Sent);
    }

    [Fact]
    public async Task RunOnce_ForAFollowUpTask_IgnoresTheCapAndQuietHours()
    {
        var f = new DispatcherFixture(Sample.Message(step: 3, kind: StepKind.FollowUpTask));
        f.Policies.Setup(p => p.GetAsync(1, Ct)).ReturnsAsync(SendingPolicy.Default with { QuietHours = new QuietHours(new TimeOnly(0, 0), new TimeOnly(23, 59)) });
        f.EmailsAlreadySent("ana@example.com", 99);

        Assert.Equal(1, (await f.Create().RunOnceAsync(Ct)).Sent);
        f.Tasks.Verify(t => t.CreateAsync(It.IsAny<FollowUpTask>(), Ct));
    }
}
