using CartRecovery.Core.Accounts;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Features.Shopify;

/// <summary>The signed-in caller of an embedded request (scope, store, user), or the failure.</summary>
internal sealed record ShopifyEmbeddedCaller
{
    public AccessScope? Scope { get; private init; }
    public Store? Store { get; private init; }
    public User? User { get; private init; }
    public ShopifyEmbeddedFailure Failure { get; private init; }
    public string? Reason { get; private init; }
    public bool Succeeded => Scope is not null;

    public static ShopifyEmbeddedCaller SignedIn(AccessScope scope, Store store, User user) => new() { Scope = scope, Store = store, User = user };

    public static ShopifyEmbeddedCaller Refused(ShopifyEmbeddedFailure failure, string reason) => new() { Failure = failure, Reason = reason };
}
