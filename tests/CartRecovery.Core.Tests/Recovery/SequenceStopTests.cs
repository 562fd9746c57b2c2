using CartRecovery.Core.Carts;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Tasks;
using CartRecovery.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CartRecovery.Core.Tests.Recovery;

public sealed class SequenceStopTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly Mock<ICartRepository> _carts = new();
    private readonly Mock<IFollowUpTaskRepository> _tasks = new();
    private readonly FakeTimeProvider _time = new(TestData.Now);

    private SequenceStop Stop() => new(_carts.Object, _tasks.Object, _time);

    [Fact]
    public async Task Stop_WhenTheCartStillGetsMessages_ClosesItAsExpiredAndClosesItsTasks()
    {
        _carts.Setup(c => c.CloseAsync(7, CartStatus.Expired, SequenceStop.Reason, TestData.Now, Ct)).ReturnsAsync(true);

        Assert.True(await Stop().StopAsync(7, Ct));

        _tasks.Verify(t => t.CloseForCartAsync(7, Ct), Times.Once);
    }

    [Fact]
    public async Task Stop_WhenTheCartHasAlreadyEnded_ChangesNothingElse()
    {
        _carts.Setup(c => c.CloseAsync(7, CartStatus.Expired, SequenceStop.Reason, TestData.Now, Ct)).ReturnsAsync(false);

        Assert.False(await Stop().StopAsync(7, Ct));

        _tasks.Verify(t => t.CloseForCartAsync(It.IsAny<long>(), Ct), Times.Never);
    }

    [Theory]
    [InlineData(CartStatus.Active, true)]
    [InlineData(CartStatus.Abandoned, true)]
    [InlineData(CartStatus.Expired, false)]
    [InlineData(CartStatus.OptedOut, false)]
    [InlineData(CartStatus.Recovered, false)]
    public void CanStop_FollowsTheLifecycle(CartStatus status, bool expected) => Assert.Equal(expected, SequenceStop.CanStop(status));
}
