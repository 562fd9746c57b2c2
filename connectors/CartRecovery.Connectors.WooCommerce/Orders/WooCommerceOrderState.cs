namespace CartRecovery.Connectors.WooCommerce.Orders;

/// <summary>What an order's status means for recovery.</summary>
internal enum WooCommerceOrderState
{
    /// <summary>A status CartRecovery does not act on (plugin statuses); the order is left alone.</summary>
    Ignored,
    /// <summary>Not paid yet: a cart to recover (pending, failed, checkout-draft).</summary>
    Abandoned,
    /// <summary>The customer ordered (processing, completed, on-hold): convert the cart.</summary>
    Ordered,
    /// <summary>The order will not be paid any more (cancelled, refunded, trash): expire the cart.</summary>
    Gone,
}
