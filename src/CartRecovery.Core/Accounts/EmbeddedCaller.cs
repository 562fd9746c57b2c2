using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Accounts;

/// <summary>The signed-in caller of a request from inside a platform's admin (scope, store, user), or the failure.</summary>
public sealed record EmbeddedCaller
{
    public AccessScope? Scope { get; private init; }
    public Store? Store { get; private init; }
    public User? User { get; private init; }
    public EmbeddedFailure Failure { get; private init; }
    public string? Reason { get; private init; }
    public bool Succeeded => Scope is not null;

    public static EmbeddedCaller SignedIn(AccessScope scope, Store store, User user) => new() { Scope = scope, Store = store, User = user };

    public static EmbeddedCaller Refused(EmbeddedFailure failure, string reason) => new() { Failure = failure, Reason = reason };
}
