using System.Text.Json.Serialization;

namespace CartRecovery.Core.Carts;

/// <summary>
/// One entry of a cart's timeline, as shown to the merchant. <see cref="Detail"/> is English (the API's words);
/// <see cref="Entry"/> says the same as a code and arguments for pages in other languages, and is null on events
/// written before entries existed.
/// </summary>
public sealed record CartEvent(long CartId, DateTimeOffset At, string Kind, string Detail, long? MessageId = null)
{
    public CartEvent(long cartId, DateTimeOffset at, string kind, TimelineEntry entry, long? messageId = null)
        : this(cartId, at, kind, TimelineTexts.English(entry), messageId) => Entry = entry;

    public long Id { get; init; }

    // Not part of the API's JSON: its timeline keeps the English detail only.
    [JsonIgnore] public TimelineEntry? Entry { get; init; }
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
    /// <summary>The customer said why they left (issue 15's reason links); the entry says what the sequence does about it.</summary>
    public const string ReasonGiven = "reason-given";
    public const string Converted = "converted";
    public const string Recovered = "recovered";
    public const string OptedOut = "opted-out";
    public const string Expired = "expired";
}
