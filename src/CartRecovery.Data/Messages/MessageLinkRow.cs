using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Data.Messages;

/// <summary>One row of the link read (<c>MessageRepository.GetLinkSql</c>): a message and the few cart columns a link needs.</summary>
internal sealed class MessageLinkRow
{
    public long MessageId { get; set; }
    public long StoreId { get; set; }
    public int Step { get; set; }
    public int Kind { get; set; }
    public string? OfferCode { get; set; }
    public string? Recipient { get; set; }
    public long CartId { get; set; }
    public string ExternalId { get; set; } = "";
    public int Status { get; set; }
    public string? RestoreUrl { get; set; }
    public string Currency { get; set; } = "";
    public string? Email { get; set; }
    public string? Locale { get; set; }

    public MessageLink ToLink() => new(MessageId, StoreId, Step, (StepKind)Kind, OfferCode, Recipient, new Cart
    {
        Id = CartId,
        StoreId = StoreId,
        ExternalId = ExternalId,
        Status = (CartStatus)Status,
        RestoreUrl = RestoreUrl,
        Currency = Currency,
        Contact = new CartContact(Email: Email, Locale: Locale),
    });
}
