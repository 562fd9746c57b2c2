using CartRecovery.Core.Carts;

namespace CartRecovery.Data.Carts;

/// <summary>One row of <c>cart_events</c>.</summary>
internal sealed class CartEventRow
{
    public long Id { get; set; }
    public long CartId { get; set; }
    public long At { get; set; }
    public string Kind { get; set; } = "";
    public string Detail { get; set; } = "";
    /// <summary>The <see cref="TimelineEntry"/> as JSON; null on rows written before migration 0019.</summary>
    public string? Entry { get; set; }
    public long? MessageId { get; set; }

    public static CartEventRow From(CartEvent cartEvent) => new()
    {
        CartId = cartEvent.CartId,
        At = DbTime.ToDb(cartEvent.At),
        Kind = cartEvent.Kind,
        Detail = cartEvent.Detail,
        Entry = cartEvent.Entry?.ToJson(),
        MessageId = cartEvent.MessageId,
    };

    public CartEvent ToEvent() => new(CartId, DbTime.FromDb(At), Kind, Detail, MessageId) { Id = Id, Entry = TimelineEntry.FromJson(Entry) };
}
