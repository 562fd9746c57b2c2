using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using Moq;

namespace CartRecovery.Core.Tests.Recovery;

public sealed class MessageDispatcherPoisonTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task RunOnce_WhenEarlierAttemptsDiedMidSendTooOften_QuarantinesWithoutTouchingAnything()
    {
        // Three claims before this one ended without any outcome (the default limit), so this claim is the fourth.
        var f = new DispatcherFixture(Sample.Message() with { Attempts = 4, UnfinishedAttempts = 4 });
        f.Messages.Setup(m => m.QuarantineAsync(100, It.IsAny<string>(), It.IsAny<string>(), Ct)).ReturnsAsync(true);

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal((1, 0), (summary.Failed, summary.Sent));
        Assert.Empty(f.Sent);
        f.Composer.Verify(c => c.ComposeAsync(It.IsAny<EmailModel>(), Ct), Times.Never);
        f.Messages.Verify(m => m.QuarantineAsync(100, It.IsAny<string>(), It.Is<string>(r => r.Contains("3 attempts in a row ended without any result", StringComparison.Ordinal)), Ct));
        f.Carts.Verify(c => c.AddEventAsync(It.Is<CartEvent>(e => e.Kind == CartEventKinds.MessageQuarantined && e.MessageId == 100), Ct));
    }

    [Fact]
    public async Task RunOnce_WhenUnfinishedAttemptsAreWithinTheLimit_SendsAsUsual()
    {
        var f = new DispatcherFixture(Sample.Message() with { Attempts = 3, UnfinishedAttempts = 3 });

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal(1, summary.Sent);
        f.Messages.Verify(m => m.QuarantineAsync(It.IsAny<long>(), It.IsAny<string>(), It.IsAny<string>(), Ct), Times.Never);
    }
}
