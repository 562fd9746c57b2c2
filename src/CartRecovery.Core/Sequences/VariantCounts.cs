using CartRecovery.Core.Metrics;

namespace CartRecovery.Core.Sequences;

/// <summary>
/// Raw results of one variant of one step (<see cref="Variant"/> is null for a step without variants).
/// <see cref="Recovered"/> counts carts whose recovery was credited to this step; revenue is their order totals.
/// </summary>
public sealed record VariantCounts(int Step, string? Variant, long Sent, long Opened, long Clicked, long Recovered, IReadOnlyList<MoneyTotal> Revenue)
{
    /// <summary>Messages the provider reported delivered (an email's delivery webhook, a text's status callback).</summary>
    public long Delivered { get; init; }
}
