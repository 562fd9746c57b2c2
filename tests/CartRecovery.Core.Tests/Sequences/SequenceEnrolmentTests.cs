using CartRecovery.Core.Carts;
using CartRecovery.Core.Sequences;
using CartRecovery.Testing;
using Moq;

namespace CartRecovery.Core.Tests.Sequences;

public sealed class SequenceEnrolmentTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly Mock<ISequenceRepository> _sequences = new();
    private readonly Mock<ICustomerHistory> _history = new();

    private SequenceEnrolment Create(params StoreSequence[] own)
    {
        _sequences.Setup(s => s.ListAsync(1, Ct)).ReturnsAsync(own);
        return new SequenceEnrolment(_sequences.Object, _history.Object);
    }

    private static StoreSequence Own(long id, int priority, SequenceConditions conditions, bool active = true) =>
        new(id, 1, 2, active, new SequenceDefinition($"seq-{id}", [new(1, TimeSpan.FromMinutes(30), StepKind.Email, "reminder")])
        {
            Priority = priority,
            Conditions = conditions,
        }, TestData.Now);

    [Fact]
    public async Task Choose_WithoutOwnSequences_UsesTheStorePreset()
    {
        var chosen = await Create().ChooseAsync(TestData.Store() with { Sequence = "gentle" }, Sample.Cart(), TestData.Now, Ct);

        Assert.True(chosen.Matched);
        Assert.Null(chosen.Sequence);
        Assert.Equal(TestData.Now.AddHours(24), Assert.Single(chosen.Plan).DueAt);
    }

    [Fact]
    public async Task Choose_TakesTheFirstMatchingActiveSequenceByPriority()
    {
        var chosen = await Create(
            Own(1, priority: 20, SequenceConditions.Any),
            Own(2, priority: 10, new SequenceConditions { MinCartValueMinor = 1_000_000 }),
            Own(3, priority: 15, SequenceConditions.Any),
            Own(4, priority: 0, SequenceConditions.Any, active: false)).ChooseAsync(TestData.Store(), Sample.Cart(), TestData.Now, Ct);

        Assert.Equal(3, chosen.Sequence?.Id);
        var message = Assert.Single(chosen.Plan);
        Assert.Equal((3L, 2, TestData.Now.AddMinutes(30)), (message.SequenceId!.Value, message.SequenceVersion!.Value, message.DueAt));
    }

    [Fact]
    public async Task Choose_WhenNoSequenceMatches_PlansNothing()
    {
        var chosen = await Create(Own(1, 0, new SequenceConditions { Countries = ["JP"] })).ChooseAsync(TestData.Store(), Sample.Cart(), TestData.Now, Ct);

        Assert.False(chosen.Matched);
        Assert.Empty(chosen.Plan);
    }

    [Fact]
    public async Task Choose_LooksUpTheCustomerOnlyWhenAConditionNeedsIt()
    {
        var cart = Sample.Cart();
        _history.Setup(h => h.IsReturningAsync(cart, Ct)).ReturnsAsync(true);

        var chosen = await Create(
            Own(1, 0, new SequenceConditions { Customer = CustomerCondition.New }),
            Own(2, 1, new SequenceConditions { Customer = CustomerCondition.Returning })).ChooseAsync(TestData.Store(), cart, TestData.Now, Ct);
        Assert.Equal(2, chosen.Sequence?.Id);
        _history.Verify(h => h.IsReturningAsync(cart, Ct), Times.Once);

        _history.Invocations.Clear();
        await Create(Own(1, 0, SequenceConditions.Any)).ChooseAsync(TestData.Store(), cart, TestData.Now, Ct);
        _history.Verify(h => h.IsReturningAsync(It.IsAny<Cart>(), Ct), Times.Never);
    }
}
