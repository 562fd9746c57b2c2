namespace CartRecovery.Core.Carts;

/// <summary>Where a cart stands in its recovery lifecycle. The numeric order is the lifecycle order.</summary>
public enum CartStatus
{
    /// <summary>The shopper is still (or was recently) active.</summary>
    Active = 0,
    /// <summary>No activity since the store's cut-off; enrolled in a sequence.</summary>
    Abandoned = 1,
    /// <summary>Closed because it aged out or was emptied; no more messages.</summary>
    Expired = 2,
    /// <summary>The customer unsubscribed or is suppressed; no more messages.</summary>
    OptedOut = 3,
    /// <summary>An order was placed without a message earning it.</summary>
    ConvertedUnassisted = 4,
    /// <summary>An order was placed after a message was clicked or sent within the attribution window.</summary>
    Recovered = 5,
}
