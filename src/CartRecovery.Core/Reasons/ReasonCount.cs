namespace CartRecovery.Core.Reasons;

/// <summary>How many of a store's carts were left for <see cref="Reason"/>.</summary>
public sealed record ReasonCount(LeaveReason Reason, long Carts);
