namespace CartRecovery.Core.Accounts;

/// <summary>Who did something, as the audit log records it.</summary>
public sealed record Actor(ActorKind Kind, long? Id, string Label)
{
    public static readonly Actor Operator = new(ActorKind.Operator, null, "operator");
    public static readonly Actor System = new(ActorKind.System, null, "system");

    public static Actor ForUser(User user) => new(ActorKind.User, user.Id, user.Email ?? $"user {user.Id}");

    public static Actor ForKey(ApiKey key) => new(ActorKind.ApiKey, key.Id, $"key {key.Name} ({key.Prefix})");
}

public enum ActorKind
{
    System = 0,
    Operator = 1,
    User = 2,
    ApiKey = 3,
}
