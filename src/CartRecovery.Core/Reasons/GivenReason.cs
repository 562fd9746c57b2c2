namespace CartRecovery.Core.Reasons;

/// <summary>A reason a customer gave for leaving cart <see cref="CartId"/>, from the links of message <see cref="MessageId"/>.</summary>
public sealed record GivenReason(long StoreId, long CartId, long MessageId, LeaveReason Reason, DateTimeOffset At);
