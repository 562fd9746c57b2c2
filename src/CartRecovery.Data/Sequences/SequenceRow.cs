using CartRecovery.Core.Sequences;

namespace CartRecovery.Data.Sequences;

/// <summary>A sequence joined with one of its versions.</summary>
internal sealed class SequenceRow
{
    public const string Select = """
        SELECT s.id, s.store_id, s.active, s.current_version, v.version, v.definition, v.created_at
        FROM sequences s
        JOIN sequence_versions v ON v.sequence_id = s.id
        """;

    public long Id { get; set; }
    public long StoreId { get; set; }
    public long Active { get; set; }
    public long CurrentVersion { get; set; }
    public long Version { get; set; }
    public string Definition { get; set; } = "";
    public long CreatedAt { get; set; }

    /// <summary>An older version is never active: only the current one enrols carts.</summary>
    public StoreSequence ToSequence() =>
        new(Id, StoreId, (int)Version, Active != 0 && Version == CurrentVersion, SequenceJson.Deserialize(Definition), DbTime.FromDb(CreatedAt));
}
