using CartRecovery.Core.Stores;

namespace CartRecovery.Core.FeedHealth;

/// <summary>
/// A connector's check that its storefront capture script is still on the shop's pages (a theme change or a plugin
/// update can drop the pasted tag, and then carts that never reach checkout are lost without a sound).
/// </summary>
public interface ICaptureScriptCheck
{
    /// <summary>The <see cref="Store.Platform"/> whose storefronts carry the script.</summary>
    string Platform { get; }

    /// <summary>True when the home page loads the store's script, false when it does not, null when the page could not be read.</summary>
    Task<bool?> IsPresentAsync(Store store, CancellationToken ct);
}
