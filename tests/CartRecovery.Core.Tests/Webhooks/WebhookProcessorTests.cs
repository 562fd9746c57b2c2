using CartRecovery.Core.Storage;
using CartRecovery.Core.Webhooks;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CartRecovery.Core.Tests.Webhooks;

public sealed class WebhookProcessorTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly Mock<IWebhookInbox> _inbox = new();
    private readonly Mock<IWebhookHandler> _handler = new();
    private readonly FakeTimeProvider _time = new(TestData.Now);

    public WebhookProcessorTests() => _handler.SetupGet(h => h.Platform).Returns("shopify");

    private static WebhookDelivery Delivery(long id, string platform = "shopify", int attempts = 0) => new()
    {
        Id = id, Platform = platform, DeliveryId = $"d{id}", Topic = "checkouts/update", Body = "{}", ReceivedAt = TestData.Now, Attempts = attempts,
    };

    private WebhookProcessor Create() => new(_inbox.Object, [_handler.Object], _time, NullLogger<WebhookProcessor>.Instance);

    [Fact]
    public async Task RunOnce_WhenHandlersSucceed_MarksTheBatchProcessedInOneCommit()
    {
        _inbox.Setup(i => i.ClaimAsync(TestData.Now, It.IsAny<DateTimeOffset>(), 10, Ct)).ReturnsAsync([Delivery(1), Delivery(2)]);

        Assert.Equal(2, await Create().RunOnceAsync(10, Ct));
        _inbox.Verify(i => i.MarkProcessedAsync(new long[] { 1, 2 }, TestData.Now, Ct), Times.Once);
        _inbox.Verify(i => i.MarkProcessedAsync(It.IsAny<IReadOnlyCollection<long>>(), It.IsAny<DateTimeOffset>(), Ct), Times.Once);
    }

    [Fact]
    public async Task RunOnce_HandlesEachDeliveryRelaxedAndMarksTheBatchDurably()
    {
        var relaxed = new List<bool>();
        _inbox.Setup(i => i.ClaimAsync(TestData.Now, It.IsAny<DateTimeOffset>(), 10, Ct)).ReturnsAsync([Delivery(1), Delivery(2)]);
        _handler.Setup(h => h.HandleAsync(It.IsAny<WebhookDelivery>(), Ct)).Callback(() => relaxed.Add(RelaxedDurability.IsOn)).Returns(Task.CompletedTask);
        _inbox.Setup(i => i.MarkProcessedAsync(It.IsAny<IReadOnlyCollection<long>>(), It.IsAny<DateTimeOffset>(), Ct))
            .Callback(() => relaxed.Add(RelaxedDurability.IsOn)).Returns(Task.CompletedTask);

        await Create().RunOnceAsync(10, Ct);

        Assert.Equal([true, true, false], relaxed);
        Assert.False(RelaxedDurability.IsOn);
    }

    [Fact]
    public async Task RunOnce_WhenCancelledMidBatch_LeavesTheBatchPending()
    {
        using var cancel = new CancellationTokenSource();
        _inbox.Setup(i => i.ClaimAsync(TestData.Now, It.IsAny<DateTimeOffset>(), 10, cancel.Token)).ReturnsAsync([Delivery(1), Delivery(2)]);
        _handler.Setup(h => h.HandleAsync(It.Is<WebhookDelivery>(d => d.Id == 2), cancel.Token)).Callback(cancel.Cancel)
            .ThrowsAsync(new OperationCanceledException(cancel.Token));

        await Assert.ThrowsAsync<OperationCanceledException>(() => Create().RunOnceAsync(10, cancel.Token));

        // Delivery 1 was handled but not marked: it is claimed again after its lease, and handlers are idempotent.
        _inbox.Verify(i => i.MarkProcessedAsync(It.IsAny<IReadOnlyCollection<long>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RunOnce_WhenAnErasureRequestWasHandled_ForgetsItsBody()
    {
        _inbox.Setup(i => i.ClaimAsync(TestData.Now, It.IsAny<DateTimeOffset>(), 10, Ct)).ReturnsAsync([Delivery(1), Delivery(2)]);
        _handler.Setup(h => h.IsErasure("checkouts/update")).Returns(true);

        await Create().RunOnceAsync(10, Ct);

        _inbox.Verify(i => i.ForgetBodyAsync(1, Ct));
        _inbox.Verify(i => i.ForgetBodyAsync(2, Ct));
    }

    [Fact]
    public async Task RunOnce_WhenOtherTopicsWereHandled_KeepsTheirBodies()
    {
        _inbox.Setup(i => i.ClaimAsync(TestData.Now, It.IsAny<DateTimeOffset>(), 10, Ct)).ReturnsAsync([Delivery(1)]);

        await Create().RunOnceAsync(10, Ct);

        _inbox.Verify(i => i.ForgetBodyAsync(It.IsAny<long>(), Ct), Times.Never);
    }

    [Fact]
    public async Task RunOnce_WhenOneHandlerThrows_RetriesItLaterAndProcessesTheRest()
    {
        _inbox.Setup(i => i.ClaimAsync(It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), 10, Ct)).ReturnsAsync([Delivery(1, attempts: 2), Delivery(2)]);
        _handler.Setup(h => h.HandleAsync(It.Is<WebhookDelivery>(d => d.Id == 1), Ct)).ThrowsAsync(new InvalidOperationException("bad"));

        Assert.Equal(1, await Create().RunOnceAsync(10, Ct));
        // Third attempt failed: the next waits four times the first retry delay.
        _inbox.Verify(i => i.MarkFailedAsync(1, "bad", TestData.Now + TimeSpan.FromSeconds(120), Ct));
        _inbox.Verify(i => i.MarkProcessedAsync(new long[] { 2 }, It.IsAny<DateTimeOffset>(), Ct));
    }

    [Fact]
    public async Task RunOnce_WhenTheLastAttemptFails_MarksTheDeliveryFailed()
    {
        _inbox.Setup(i => i.ClaimAsync(It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), 10, Ct))
            .ReturnsAsync([Delivery(1, attempts: WebhookProcessor.MaxAttempts - 1)]);
        _handler.Setup(h => h.HandleAsync(It.IsAny<WebhookDelivery>(), Ct)).ThrowsAsync(new InvalidOperationException("bad"));

        await Create().RunOnceAsync(10, Ct);

        _inbox.Verify(i => i.MarkFailedAsync(1, "bad", null, Ct));
    }

    [Fact]
    public async Task RunOnce_WhenNoHandlerServesThePlatform_RecordsAFailure()
    {
        _inbox.Setup(i => i.ClaimAsync(It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), 10, Ct)).ReturnsAsync([Delivery(1, "magento")]);

        Assert.Equal(0, await Create().RunOnceAsync(10, Ct));
        _inbox.Verify(i => i.MarkFailedAsync(1, It.Is<string>(m => m.Contains("magento")), It.IsAny<DateTimeOffset?>(), Ct));
    }
}
