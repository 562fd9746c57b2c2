using CartRecovery.Core.Sequences;

namespace CartRecovery.Core.Tests.Sequences;

public sealed class ControlGroupTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(25)]
    public void IsControl_OverManyCarts_HoldsOutTheSetShare(int percent)
    {
        var held = Enumerable.Range(1, 100_000).Count(cart => ControlGroup.IsControl(7, cart, percent));

        // Binomial standard deviation at 100,000 carts is under 0.14 %: ±0.6 % is more than four of them.
        Assert.InRange(held / 1_000.0, percent - 0.6, percent + 0.6);
    }

    [Fact]
    public void IsControl_AtZero_HoldsOutNobody() =>
        Assert.DoesNotContain(Enumerable.Range(1, 10_000), cart => ControlGroup.IsControl(7, cart, 0));

    [Fact]
    public void IsControl_SameCartAndSequence_AlwaysTheSameAnswer_AndAnotherSequenceDrawsAgain()
    {
        var first = Enumerable.Range(1, 2_000).Select(cart => ControlGroup.IsControl(3, cart, 10)).ToList();

        Assert.Equal(first, Enumerable.Range(1, 2_000).Select(cart => ControlGroup.IsControl(3, cart, 10)));
        Assert.NotEqual(first, Enumerable.Range(1, 2_000).Select(cart => ControlGroup.IsControl(4, cart, 10)));
    }

    [Fact]
    public void IsControl_IsIndependentOfTheVariantDraw()
    {
        var control = Enumerable.Range(1, 100_000).Where(cart => ControlGroup.IsControl(9, cart, 20)).ToList();

        var variantB = control.Count(cart => VariantAssigner.Assign(9, 1, cart, 2) == 1);

        Assert.InRange((double)variantB / control.Count, 0.48, 0.52);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(ControlGroup.MaxPercent + 1)]
    public void IsControl_OutsideTheAllowedShare_Throws(int percent) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ControlGroup.IsControl(1, 1, percent));
}
