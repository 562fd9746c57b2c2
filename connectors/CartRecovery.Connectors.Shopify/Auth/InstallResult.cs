using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.Shopify.Auth;

/// <summary>The outcome of an install callback or a token connection: the connected store, or why nothing was created.</summary>
internal sealed record InstallResult
{
    public bool Succeeded => Error is null && Store is not null;

    public Store? Store { get; init; }

    public ShopifyInstallError? Error { get; init; }

    /// <summary>A sentence for the merchant or operator saying what was wrong.</summary>
    public string? Reason { get; init; }

    public static InstallResult Ok(Store store) => new() { Store = store };

    public static InstallResult Fail(ShopifyInstallError error, string reason) => new() { Error = error, Reason = reason };
}
