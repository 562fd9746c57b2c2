using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Tests.Carts;

public sealed class CartLifecycleTests
{
    [Theory]
    [InlineData(CartStatus.Active, CartStatus.Abandoned, true)]
    [InlineData(CartStatus.Active, CartStatus.ConvertedUnassisted, true)]
    [InlineData(CartStatus.Abandoned, CartStatus.Recovered, true)]
    [InlineData(CartStatus.Abandoned, CartStatus.OptedOut, true)]
    [InlineData(CartStatus.Abandoned, CartStatus.Expired, true)]
    [InlineData(CartStatus.OptedOut, CartStatus.ConvertedUnassisted, true)]
    [InlineData(CartStatus.Expired, CartStatus.Recovered, true)]
    [InlineData(CartStatus.Abandoned, CartStatus.Active, false)]
    [InlineData(CartStatus.Abandoned, CartStatus.Abandoned, false)]
    [InlineData(CartStatus.OptedOut, CartStatus.Abandoned, false)]
    [InlineData(CartStatus.Expired, CartStatus.OptedOut, false)]
    [InlineData(CartStatus.Recovered, CartStatus.ConvertedUnassisted, false)]
    [InlineData(CartStatus.ConvertedUnassisted, CartStatus.Recovered, false)]
    [InlineData(CartStatus.Recovered, CartStatus.OptedOut, false)]
    public void CanMove_ForEachPair_FollowsTheLifecycle(CartStatus from, CartStatus to, bool allowed) =>
        Assert.Equal(allowed, CartLifecycle.CanMove(from, to));

    [Fact]
    public void AcceptsMessages_OnlyForAbandonedCarts() =>
        Assert.Equal([CartStatus.Abandoned], Enum.GetValues<CartStatus>().Where(s => s.AcceptsMessages()));
}
