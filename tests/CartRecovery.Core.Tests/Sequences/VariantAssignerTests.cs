using CartRecovery.Core.Sequences;

namespace CartRecovery.Core.Tests.Sequences;

public sealed class VariantAssignerTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Assign_Over10000Carts_IsBalancedWithin2Percent(int variants)
    {
        var counts = new int[variants];
        for (var cartId = 1L; cartId <= 10_000; cartId++)
            counts[VariantAssigner.Assign(sequenceId: 7, step: 1, cartId, variants)]++;

        var even = 10_000.0 / variants;
        Assert.All(counts, c => Assert.InRange(c, even * 0.98, even * 1.02));
    }

    [Fact]
    public void Assign_IsTheSameEveryTimeForTheSameCart()
    {
        var first = Enumerable.Range(1, 100).Select(id => VariantAssigner.Assign(3, 2, id, 2)).ToList();
        var again = Enumerable.Range(1, 100).Select(id => VariantAssigner.Assign(3, 2, id, 2)).ToList();
        Assert.Equal(first, again);
        // Pinned (SHA-256 of "3:2:{cart}", first 8 bytes little-endian, mod 2): a change of hash would reshuffle running tests.
        Assert.Equal([0, 1, 1, 1, 1, 0, 1, 0], first.Take(8));
    }

    [Fact]
    public void Assign_StepsAreIndependent()
    {
        // If step 2 copied step 1's split, a test on step 2 would measure step 1's variants too.
        var same = Enumerable.Range(1, 10_000).Count(id => VariantAssigner.Assign(9, 1, id, 2) == VariantAssigner.Assign(9, 2, id, 2));
        Assert.InRange(same, 4_800, 5_200);
    }

    [Fact]
    public void For_AStepWithoutVariants_GivesNone()
    {
        Assert.Null(VariantAssigner.For(1, new SequenceStep(1, TimeSpan.FromHours(1), StepKind.Email, "reminder"), 42));
    }
}
