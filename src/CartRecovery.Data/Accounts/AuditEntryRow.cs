using CartRecovery.Core.Accounts;

namespace CartRecovery.Data.Accounts;

internal sealed class AuditEntryRow
{
    public const string Columns = "id, account_id, store_id, at, actor_kind, actor_id, actor_label, action, target, before_json, after_json";

    public long Id { get; set; }
    public long AccountId { get; set; }
    public long? StoreId { get; set; }
    public long At { get; set; }
    public long ActorKind { get; set; }
    public long? ActorId { get; set; }
    public string ActorLabel { get; set; } = "";
    public string Action { get; set; } = "";
    public string Target { get; set; } = "";
    public string? BeforeJson { get; set; }
    public string? AfterJson { get; set; }

    public static AuditEntryRow From(AuditEntry entry) => new()
    {
        AccountId = entry.AccountId,
        StoreId = entry.StoreId,
        At = DbTime.ToDb(entry.At),
        ActorKind = (long)entry.Actor.Kind,
        ActorId = entry.Actor.Id,
        ActorLabel = entry.Actor.Label,
        Action = entry.Action,
        Target = entry.Target,
        BeforeJson = entry.Before,
        AfterJson = entry.After,
    };

    public AuditEntry ToEntry() => new()
    {
        Id = Id,
        AccountId = AccountId,
        StoreId = StoreId,
        At = DbTime.FromDb(At),
        Actor = new Actor((ActorKind)ActorKind, ActorId, ActorLabel),
        Action = Action,
        Target = Target,
        Before = BeforeJson,
        After = AfterJson,
    };
}
