namespace CartRecovery.Core.Carts;

/// <summary>An order that completed a cart, with the message credited for it (if any).</summary>
public sealed record CartConversion(
    long CartId,
    string OrderId,
    long OrderTotalMinor,
    DateTimeOffset OrderedAt,
    Attribution.Attribution Attribution);
