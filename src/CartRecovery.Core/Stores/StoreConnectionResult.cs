namespace CartRecovery.Core.Stores;

/// <summary>The connected store, or why not and which field it is about.</summary>
public sealed record StoreConnectionResult(Store? Store, StoreConnectionFailure? Failure = null, FieldProblem? Problem = null)
{
    public static StoreConnectionResult Connected(Store store) => new(store);

    public static StoreConnectionResult Failed(StoreConnectionFailure failure, string field, string? problem) =>
        new(null, failure, new FieldProblem(field, problem ?? "the store was not connected"));
}
