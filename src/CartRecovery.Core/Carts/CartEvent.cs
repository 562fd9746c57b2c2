namespace CartRecovery.Core.Carts;

/// <summary>One entry of a cart's timeline, as shown to the merchant.</summary>
public sealed record CartEvent(long CartId, DateTimeOffset At, string Kind, string Detail, long? MessageId = null)
{
    public long Id { get; init; }
}

/// <summary>The kinds of <see cref="CartEvent"/>; stable strings because they are stored and shown.</summary>
public static class CartEventKinds
{
    public const string Captured = "captured";
    public const string Updated = "updated";
    public const string Abandoned = "abandoned";
    /// <summary>Abandoned, but none of the store's own sequences takes the cart, so nothing is scheduled.</summary>
    public const string NotEnrolled = "not-enrolled";
    public const string MessageSent = "message-sent";
    public const string MessageFailed = "message-failed";
    public const string MessageQuarantined = "message-quarantined";
    public const string MessageCancelled = "message-cancelled";
    /// <summary>A due email waits for the store's quiet hours to end.</summary>
    public const string MessageDeferred = "message-deferred";
    /// <summary>A step went out without its offer (<see cref="Sequences.OfferRules"/>).</summary>
    public const string OfferWithheld = "offer-withheld";
    public const string TaskCreated = "task-created";
    public const string Clicked = "clicked";
    public const string Converted = "converted";
    public const string Recovered = "recovered";
    public const string OptedOut = "opted-out";
    public const string Expired = "expired";
}
