using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Tasks;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CartRecovery.Core.Tests.Recovery;

public sealed class AbandonmentDetectorTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly Mock<ICartRepository> _carts = new();
    private readonly Mock<IStoreRepository> _stores = new();
    private readonly FakeTimeProvider _time = new(TestData.Now.AddMinutes(20));
    private readonly Mock<IStorePolicyRepository> _policies = new();
    private readonly RecoveryOptions _options = new();
    private readonly Mock<ISequenceRepository> _sequences = new();
    private readonly Mock<ILeaveReasonRepository> _reasons = new();
    private readonly Mock<IMessageRepository> _messages = new();

    public AbandonmentDetectorTests()
    {
        _stores.Setup(s => s.GetAsync(1, Ct)).ReturnsAsync(TestData.Store() with { Sequence = SequencePresets.Standard.Name });
        _sequences.Setup(s => s.ListAsync(It.IsAny<long>(), Ct)).ReturnsAsync([]);
        _policies.Setup(p => p.GetAsync(1, Ct)).ReturnsAsync(SendingPolicy.Default);
    }

    private readonly Mock<Microsoft.Extensions.Logging.ILogger<AbandonmentDetector>> _logger = new();

    private AbandonmentDetector Create() => new(_carts.Object, _stores.Object,
        new SequenceEnrolment(_sequences.Object, Mock.Of<ICustomerHistory>()),
        new SendingRules(_policies.Object, Mock.Of<IMessageRepository>(), Sample.NoPlans(_time), _options, _time, Mock.Of<ICustomerHistory>()),
        new ReasonAnswering(_reasons.Object, _messages.Object, Mock.Of<IFollowUpTaskRepository>(), _time, NullLogger<ReasonAnswering>.Instance),
        _options, _time, _logger.Object);

    [Fact]
    public async Task RunOnce_WhenNoneOfTheStoresSequencesMatches_AbandonsWithoutMessagesAndSaysSo()
    {
        var cart = Sample.Cart(status: CartStatus.Active);
        _sequences.Setup(s => s.ListAsync(1, Ct)).ReturnsAsync([new StoreSequence(5, 1, 1, true,
            new SequenceDefinition("japan", [new(1, TimeSpan.FromHours(1), StepKind.Email, "reminder")]) { Conditions = new() { Countries = ["JP"] } },
            TestData.Now)]);
        _carts.Setup(c => c.FindIdleAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), Ct)).ReturnsAsync([cart]);
        _carts.Setup(c => c.AbandonAsync(cart.Id, _time.GetUtcNow(), It.Is<IReadOnlyList<OutboundMessage>>(p => p.Count == 0), Ct)).ReturnsAsync(true);

        _logger.Setup(l => l.IsEnabled(It.IsAny<Microsoft.Extensions.Logging.LogLevel>())).Returns(true);

        Assert.Equal(1, await Create().RunOnceAsync(Ct));
        _carts.Verify(c => c.AddEventAsync(It.Is<CartEvent>(e => e.Kind == CartEventKinds.NotEnrolled && e.CartId == cart.Id), Ct));
        _logger.Verify(l => l.Log(Microsoft.Extensions.Logging.LogLevel.Warning, It.Is<Microsoft.Extensions.Logging.EventId>(e => e.Id == 1202),
            It.IsAny<It.IsAnyType>(), null, It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Once);
    }

    [Fact]
    public async Task RunOnce_WhenACartIsIdle_EnrolsItWithStepsCountedFromNow()
    {
        var cart = Sample.Cart(status: CartStatus.Active);
        _carts.Setup(c => c.FindIdleAsync(_time.GetUtcNow(), _options.AbandonmentBatchSize, Ct)).ReturnsAsync([cart]);
        IReadOnlyList<OutboundMessage>? plan = null;
        _carts.Setup(c => c.AbandonAsync(cart.Id, _time.GetUtcNow(), It.IsAny<IReadOnlyList<OutboundMessage>>(), Ct))
            .Callback((long _, DateTimeOffset _, IReadOnlyList<OutboundMessage> p, CancellationToken _) => plan = p)
            .ReturnsAsync(true);

        Assert.Equal(1, await Create().RunOnceAsync(Ct));
        Assert.NotNull(plan);
        Assert.Equal(_time.GetUtcNow().AddHours(1), plan[0].DueAt);
        Assert.Equal(3, plan.Count);
    }

    [Fact]
    public async Task RunOnce_WhenTheShopperSaidWhyBeforeTheCartWasAbandoned_TheSequenceAnswersItOnceEnrolled()
    {
        var cart = Sample.Cart(status: CartStatus.Active);
        _carts.Setup(c => c.FindIdleAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), Ct)).ReturnsAsync([cart]);
        _carts.Setup(c => c.AbandonAsync(cart.Id, It.IsAny<DateTimeOffset>(), It.IsAny<IReadOnlyList<OutboundMessage>>(), Ct)).ReturnsAsync(true);
        _reasons.Setup(r => r.GetAsync(cart.Id, Ct)).ReturnsAsync(LeaveReason.JustLooking);
        _messages.Setup(m => m.ListForCartAsync(cart.Id, Ct)).ReturnsAsync([Sample.Message(id: 41) with { Status = MessageStatus.Pending }, Sample.Message(id: 42, step: 2) with { Status = MessageStatus.Pending }]);

        Assert.Equal(1, await Create().RunOnceAsync(Ct));

        _reasons.Verify(r => r.AnswerAsync(cart.Id, It.Is<ReasonPlan>(p => p.Cancel.SequenceEqual(new long[] { 41, 42 })),
            It.Is<CartEvent>(e => e.CartId == cart.Id && e.Kind == CartEventKinds.ReasonGiven), Ct), Times.Once);
        _reasons.Verify(r => r.RecordAsync(It.IsAny<GivenReason>(), It.IsAny<ReasonPlan>(), It.IsAny<CartEvent>(), Ct), Times.Never);
    }

    [Fact]
    public async Task RunOnce_WhenAnotherNodeEnrolledTheCartFirst_CountsNothing()
    {
        var cart = Sample.Cart(status: CartStatus.Active);
        _carts.Setup(c => c.FindIdleAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), Ct)).ReturnsAsync([cart]);
        _carts.Setup(c => c.AbandonAsync(cart.Id, It.IsAny<DateTimeOffset>(), It.IsAny<IReadOnlyList<OutboundMessage>>(), Ct)).ReturnsAsync(false);

        Assert.Equal(0, await Create().RunOnceAsync(Ct));
    }

    [Fact]
    public async Task RunOnce_WhenTheCartIsOlderThanTheMaximumAge_ExpiresItInsteadOfEmailing()
    {
        _time.SetUtcNow(TestData.Now + _options.MaxCartAge + TimeSpan.FromHours(1));
        var cart = Sample.Cart(status: CartStatus.Active);
        _carts.Setup(c => c.FindIdleAsync(It.IsAny<DateTimeOffset>(), It.IsAny<int>(), Ct)).ReturnsAsync([cart]);

        Assert.Equal(0, await Create().RunOnceAsync(Ct));
        _carts.Verify(c => c.CloseAsync(cart.Id, CartStatus.Expired, It.IsAny<TimelineEntry>(), _time.GetUtcNow(), Ct));
        _carts.Verify(c => c.AbandonAsync(It.IsAny<long>(), It.IsAny<DateTimeOffset>(), It.IsAny<IReadOnlyList<OutboundMessage>>(), Ct), Times.Never);
    }
}
