namespace CartRecovery.Core.Stores;

/// <summary>A field of a request and what is wrong with it (<c>shopDomain</c>, <c>shopDomain is required</c>).</summary>
public sealed record FieldProblem(string Field, string Problem);
