using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Messages;

/// <summary>
/// A message with the cart it is about and the store that sent it, read together for its links (restore, unsubscribe).
/// The cart's <see cref="Cart.Lines"/> are not read: no link destination needs them.
/// </summary>
public sealed record MessageWithCart(OutboundMessage Message, Cart Cart, Store Store);
