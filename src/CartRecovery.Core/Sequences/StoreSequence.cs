namespace CartRecovery.Core.Sequences;

/// <summary>
/// One version of a store's own sequence. Versions are immutable: an edit adds version <see cref="Version"/> + 1, and
/// messages already scheduled keep the sequence id, version and step they were planned from.
/// </summary>
public sealed record StoreSequence(long Id, long StoreId, int Version, bool Active, SequenceDefinition Definition, DateTimeOffset CreatedAt);
