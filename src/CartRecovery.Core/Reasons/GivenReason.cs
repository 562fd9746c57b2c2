namespace CartRecovery.Core.Reasons;

/// <summary>
/// A reason a customer gave for leaving cart <see cref="CartId"/>, from the links of message <see cref="MessageId"/>, or
/// from the capture script's exit question on the storefront (no message: null).
/// </summary>
public sealed record GivenReason(long StoreId, long CartId, long? MessageId, LeaveReason Reason, DateTimeOffset At);
