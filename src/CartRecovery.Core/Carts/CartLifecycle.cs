namespace CartRecovery.Core.Carts;

/// <summary>The allowed moves of <see cref="CartStatus"/>. A cart only ever moves forward.</summary>
public static class CartLifecycle
{
    public static bool IsConverted(this CartStatus status) =>
        status is CartStatus.Recovered or CartStatus.ConvertedUnassisted;

    /// <summary>True when messages may still go out for a cart in this status.</summary>
    public static bool AcceptsMessages(this CartStatus status) => status == CartStatus.Abandoned;

    /// <summary>
    /// Whether <paramref name="from"/> may become <paramref name="to"/>. Conversions close every other state
    /// (an order is a fact even after an opt-out or expiry) but are final themselves.
    /// </summary>
    public static bool CanMove(CartStatus from, CartStatus to) => (from, to) switch
    {
        _ when from == to => false,
        _ when from.IsConverted() => false,
        (_, CartStatus.Recovered or CartStatus.ConvertedUnassisted) => true,
        (CartStatus.Active, CartStatus.Abandoned) => true,
        (CartStatus.Active or CartStatus.Abandoned, CartStatus.Expired or CartStatus.OptedOut) => true,
        _ => false,
    };
}
