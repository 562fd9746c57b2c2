namespace CartRecovery.Core.Carts;

/// <summary>One open cart of a customer, as <see cref="CartTransitionRules.Replace"/> weighs it.</summary>
public sealed record ReplacementCandidate(long CartId, CartStatus Status, DateTimeOffset PlatformUpdatedAt, bool HasLines);
