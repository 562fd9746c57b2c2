using CartRecovery.Core.Messages;

namespace CartRecovery.Core.Sequences;

/// <summary>Turns a sequence into the messages one abandoned cart should receive.</summary>
public static class SequencePlanner
{
    public static IReadOnlyList<OutboundMessage> Plan(long storeId, long cartId, SequenceDefinition sequence, DateTimeOffset abandonedAt)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        return sequence.Steps
            .OrderBy(s => s.Delay)
            .Select(step => new OutboundMessage
            {
                StoreId = storeId,
                CartId = cartId,
                Step = step.Number,
                Kind = step.Kind,
                Template = step.Template,
                Offer = step.Offer,
                DueAt = abandonedAt + step.Delay,
            })
            .ToList();
    }
}
