using CartRecovery.Core.Attribution;

namespace CartRecovery.Core.Sequences;

/// <summary>What the treated and the held-out carts of a sequence did afterwards, in one currency.</summary>
public sealed record HoldOutGroups(GroupOutcome Treated, GroupOutcome Control);
