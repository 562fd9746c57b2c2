using CartRecovery.Core.Messages;

namespace CartRecovery.Core.Attribution;

/// <summary>
/// Credits an order to the step whose link was clicked last within the window before the order, or else to the
/// email or text sent last within that window (a task reaches the team, not the customer). Anything older counts as an
/// unassisted conversion.
/// </summary>
public static class AttributionPolicy
{
    public static Attribution Attribute(IEnumerable<OutboundMessage> messages, DateTimeOffset orderedAt, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var since = orderedAt - window;
        var list = messages.ToList();

        var clicked = list
            .Where(m => m.ClickedAt is { } at && at >= since && at <= orderedAt)
            .MaxBy(m => m.ClickedAt);
        if (clicked is not null)
            return new(clicked.Id, clicked.Step);

        var sent = list
            .Where(m => m.Status == MessageStatus.Sent && m.Kind is Sequences.StepKind.Email or Sequences.StepKind.Sms
                        && m.SentAt is { } at && at >= since && at <= orderedAt)
            .MaxBy(m => m.SentAt);
        return sent is null ? Attribution.Unassisted : new(sent.Id, sent.Step);
    }
}
