using CartRecovery.Core.Metrics;

namespace CartRecovery.Core.Sequences;

/// <summary>One variant's results; rates are fractions of <see cref="Sent"/> (0 when nothing was sent).</summary>
public sealed record VariantResult(string? Variant, long Sent, long Opened, long Clicked, long Recovered, IReadOnlyList<MoneyTotal> Revenue)
{
    /// <summary>Messages the provider reported delivered: emails and texts alike.</summary>
    public long Delivered { get; init; }

    public double DeliveryRate => Rate(Delivered);
    public double OpenRate => Rate(Opened);
    public double ClickRate => Rate(Clicked);
    public double RecoveryRate => Rate(Recovered);

    /// <summary>Recovery rate against the step's first variant (null for the first variant and steps without variants).</summary>
    public Significance? RecoveryVsFirst { get; init; }

    /// <summary>Click rate against the step's first variant.</summary>
    public Significance? ClickVsFirst { get; init; }

    /// <summary>The variant's wait after abandonment in the current version (null when it is no longer there), so a delay
    /// test reads as "1 hour against 4 hours".</summary>
    public TimeSpan? Wait { get; init; }

    private double Rate(long count) => Sent == 0 ? 0 : (double)count / Sent;
}

public sealed record StepResults(int Step, IReadOnlyList<VariantResult> Variants);

/// <summary>Turns raw counts into per-step, per-variant results with a significance verdict for each challenger.</summary>
public static class SequenceResults
{
    /// <param name="counts">Raw counts from the store.</param>
    /// <param name="current">The sequence's current version, whose variant order decides which variant is the baseline;
    /// variants no longer in it follow in key order.</param>
    public static IReadOnlyList<StepResults> Build(IReadOnlyList<VariantCounts> counts, SequenceDefinition? current)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts
            .GroupBy(c => c.Step)
            .OrderBy(g => g.Key)
            .Select(step =>
            {
                var definition = current?.Steps.FirstOrDefault(s => s.Number == step.Key);
                var order = definition?.Variants.Select(v => v.Key).ToList() ?? [];
                var ordered = step
                    .OrderBy(c => c.Variant is { } key && order.IndexOf(key) is >= 0 and var i ? i : int.MaxValue)
                    .ThenBy(c => c.Variant, StringComparer.Ordinal)
                    .ToList();
                var first = ordered[0];
                var results = ordered.Select((c, i) =>
                {
                    var result = new VariantResult(c.Variant, c.Sent, c.Opened, c.Clicked, c.Recovered, c.Revenue)
                    {
                        Delivered = c.Delivered,
                        Wait = Wait(definition, c.Variant),
                    };
                    return i == 0 || c.Variant is null ? result : result with
                    {
                        RecoveryVsFirst = ProportionTest.Compare(first.Recovered, first.Sent, c.Recovered, c.Sent),
                        ClickVsFirst = ProportionTest.Compare(first.Clicked, first.Sent, c.Clicked, c.Sent),
                    };
                }).ToList();
                return new StepResults(step.Key, results);
            })
            .ToList();
    }

    private static TimeSpan? Wait(SequenceStep? step, string? variant) => step is null ? null
        : variant is null ? (step.Variants.Count == 0 ? step.Delay : null)
        : step.Variants.FirstOrDefault(v => v.Key == variant) is { } known ? step.DelayOf(known) : null;
}
