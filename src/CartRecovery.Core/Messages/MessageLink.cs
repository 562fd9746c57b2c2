using CartRecovery.Core.Carts;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Core.Messages;

/// <summary>
/// What a click on one of a message's links (restore, unsubscribe) needs, read in one narrow statement
/// (<see cref="IMessageRepository.GetLinkAsync"/>): the message's step, kind, offer code and recipient, and its cart as far
/// as a storefront builds the way back from it.
/// </summary>
/// <param name="Cart">
/// Only its id, store, checkout id, status, restore URL, currency, and the contact's email and locale are read: no lines,
/// totals, references or times (a link needs none of them, and every column read costs the redirect).
/// </param>
public sealed record MessageLink(long MessageId, long StoreId, int Step, StepKind Kind, string? OfferCode, string? Recipient, Cart Cart);
