namespace CartRecovery.Core.Privacy;

/// <summary>One batch of the retention purge: how many carts went, and the ids of their messages (whose copies the transport may keep).</summary>
public sealed record PurgedCarts(int Carts, IReadOnlyList<long> MessageIds);
