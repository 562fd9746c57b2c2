using CartRecovery.Core.Messages;

namespace CartRecovery.Core.Sequences;

/// <summary>Turns a sequence into the messages one abandoned cart should receive.</summary>
public static class SequencePlanner
{
    /// <summary>The plan of a shipped preset (no variants, no stored version).</summary>
    public static IReadOnlyList<OutboundMessage> Plan(long storeId, long cartId, SequenceDefinition sequence, DateTimeOffset abandonedAt)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        return sequence.Steps
            .OrderBy(s => s.Delay)
            .Select(step => Message(storeId, cartId, step, abandonedAt))
            .ToList();
    }

    /// <summary>
    /// The plan of one version of a store's sequence: each message records the sequence, version and variant it came
    /// from, and carries the variant's template, subject and wait.
    /// </summary>
    public static IReadOnlyList<OutboundMessage> Plan(long cartId, StoreSequence sequence, DateTimeOffset abandonedAt)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        return sequence.Definition.Steps
            .OrderBy(s => s.Delay)
            .Select(step =>
            {
                var variant = VariantAssigner.For(sequence.Id, step, cartId);
                return Message(sequence.StoreId, cartId, step, abandonedAt) with
                {
                    DueAt = abandonedAt + step.DelayOf(variant),
                    SequenceId = sequence.Id,
                    SequenceVersion = sequence.Version,
                    Variant = variant?.Key,
                    Template = variant?.Template ?? step.Template,
                    SubjectOverride = variant?.Subject,
                };
            })
            .ToList();
    }

    private static OutboundMessage Message(long storeId, long cartId, SequenceStep step, DateTimeOffset abandonedAt) => new()
    {
        StoreId = storeId,
        CartId = cartId,
        Step = step.Number,
        Kind = step.Kind,
        Template = step.Template,
        Offer = step.Offer,
        DueAt = abandonedAt + step.Delay,
    };
}
