namespace CartRecovery.Core.Carts;

/// <summary>
/// A cart found by one of the references it was looked up by (<see cref="ICartRepository.FindByRefsAsync"/>): its key and
/// platform refs, without its lines.
/// </summary>
public sealed record CartRefMatch(string Reference, long CartId, string ExternalId, IReadOnlyDictionary<string, string> PlatformRefs);
