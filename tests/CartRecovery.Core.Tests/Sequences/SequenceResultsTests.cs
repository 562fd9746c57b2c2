using CartRecovery.Core.Metrics;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Core.Tests.Sequences;

public sealed class SequenceResultsTests
{
    [Fact]
    public void Build_ComparesEachVariantWithTheFirstOfTheCurrentVersion()
    {
        var current = new SequenceDefinition("x", [new(1, TimeSpan.FromHours(1), StepKind.Email, "reminder") { Variants = [new("control"), new("bold")] }]);
        IReadOnlyList<MoneyTotal> revenue = [new("EUR", 50_000)];
        var results = SequenceResults.Build(
        [
            new VariantCounts(1, "bold", 1000, 400, 250, 250, revenue),
            new VariantCounts(1, "control", 1000, 380, 200, 200, []),
            new VariantCounts(2, null, 900, 300, 100, 40, []),
        ], current);

        Assert.Equal([1, 2], results.Select(r => r.Step));
        var step1 = results[0].Variants;
        Assert.Equal(["control", "bold"], step1.Select(v => v.Variant));
        Assert.Null(step1[0].RecoveryVsFirst);
        Assert.Equal(0.25, step1[1].RecoveryRate);
        Assert.True(step1[1].RecoveryVsFirst!.SignificantAt95);
        Assert.Equal(0.00742, step1[1].RecoveryVsFirst!.PValue!.Value, 5);
        Assert.Same(revenue, step1[1].Revenue);
        Assert.Null(results[1].Variants.Single().ClickVsFirst);
    }

    [Fact]
    public void Build_GivesEachVariantItsWaitInTheCurrentVersion()
    {
        var current = new SequenceDefinition("x", [
            new(1, TimeSpan.FromHours(1), StepKind.Email, "reminder") { Variants = [new("soon"), new("late", Delay: TimeSpan.FromHours(4))] },
            new(2, TimeSpan.FromHours(24), StepKind.Email, "reminder"),
        ]);
        var results = SequenceResults.Build(
        [
            new VariantCounts(1, "soon", 10, 0, 0, 0, []),
            new VariantCounts(1, "late", 10, 0, 0, 0, []),
            new VariantCounts(1, "gone", 10, 0, 0, 0, []),
            new VariantCounts(2, null, 10, 0, 0, 0, []),
        ], current);

        Assert.Equal([TimeSpan.FromHours(1), TimeSpan.FromHours(4), null], results[0].Variants.Select(v => v.Wait));
        Assert.Equal(TimeSpan.FromHours(24), results[1].Variants.Single().Wait);
    }

    [Fact]
    public void Build_NothingSent_RatesAreZero()
    {
        var result = SequenceResults.Build([new VariantCounts(1, "a", 0, 0, 0, 0, []), new VariantCounts(1, "b", 0, 0, 0, 0, [])], null);
        Assert.All(result[0].Variants, v => Assert.Equal((0.0, 0.0, 0.0), (v.OpenRate, v.ClickRate, v.RecoveryRate)));
        Assert.False(result[0].Variants[1].RecoveryVsFirst!.EnoughData);
    }
}
