using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Tasks;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CartRecovery.Core.Tests.Recovery;

public sealed class CartIngestionTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly Mock<ICartRepository> _carts = new();
    private readonly Mock<IMessageRepository> _messages = new();
    private readonly Mock<IFollowUpTaskRepository> _tasks = new();
    private readonly FakeTimeProvider _time = new(TestData.Now.AddDays(1));
    private readonly OrderReport _order = new(1, "chk-1", "#1001", 14500, TestData.Now.AddDays(1));

    private CartIngestion Create() =>
        new(_carts.Object, _messages.Object, _tasks.Object, new RecoveryOptions(), _time, NullLogger<CartIngestion>.Instance);

    [Fact]
    public async Task ReportOrder_WhenTheCartIsUnknown_ChangesNothing()
    {
        Assert.Equal(OrderOutcome.UnknownCart, await Create().ReportOrderAsync(_order, Ct));
        _carts.Verify(c => c.ConvertAsync(It.IsAny<CartConversion>(), It.IsAny<DateTimeOffset>(), Ct), Times.Never);
    }

    [Fact]
    public async Task ReportOrder_WhenAClickedMessageEarnedIt_RecordsARecoveryForThatStep()
    {
        _carts.Setup(c => c.FindByRefAsync(1, "chk-1", Ct)).ReturnsAsync(Sample.Cart());
        _messages.Setup(m => m.ListForCartAsync(10, Ct)).ReturnsAsync(
        [
            Sample.Message(100, 1) with { Status = MessageStatus.Sent, SentAt = TestData.Now.AddHours(1), ClickedAt = TestData.Now.AddHours(2) },
            Sample.Message(101, 2) with { Status = MessageStatus.Cancelled },
        ]);
        _carts.Setup(c => c.ConvertAsync(It.IsAny<CartConversion>(), It.IsAny<DateTimeOffset>(), Ct)).ReturnsAsync(true);

        Assert.Equal(OrderOutcome.Recovered, await Create().ReportOrderAsync(_order, Ct));
        _carts.Verify(c => c.ConvertAsync(It.Is<CartConversion>(x => x.Attribution.Step == 1 && x.OrderTotalMinor == 14500 && x.OrderId == "#1001"), _time.GetUtcNow(), Ct));
        _tasks.Verify(t => t.CloseForCartAsync(10, Ct));
    }

    [Fact]
    public async Task ReportOrder_WhenNoMessageWentOut_IsUnassisted()
    {
        _carts.Setup(c => c.FindByRefAsync(1, "chk-1", Ct)).ReturnsAsync(Sample.Cart(status: CartStatus.Active));
        _messages.Setup(m => m.ListForCartAsync(10, Ct)).ReturnsAsync([]);
        _carts.Setup(c => c.ConvertAsync(It.IsAny<CartConversion>(), It.IsAny<DateTimeOffset>(), Ct)).ReturnsAsync(true);

        Assert.Equal(OrderOutcome.ConvertedUnassisted, await Create().ReportOrderAsync(_order, Ct));
    }

    [Fact]
    public async Task ReportOrder_WhenTheOrderIsReplayed_ReportsAlreadyConverted()
    {
        _carts.Setup(c => c.FindByRefAsync(1, "chk-1", Ct)).ReturnsAsync(Sample.Cart(status: CartStatus.Recovered));

        Assert.Equal(OrderOutcome.AlreadyConverted, await Create().ReportOrderAsync(_order, Ct));
        _carts.Verify(c => c.ConvertAsync(It.IsAny<CartConversion>(), It.IsAny<DateTimeOffset>(), Ct), Times.Never);
    }
}
