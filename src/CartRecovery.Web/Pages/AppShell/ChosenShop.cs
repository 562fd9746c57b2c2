using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Pages.AppShell;

/// <summary>The one shop a per-shop page works on.</summary>
internal static class ChosenShop
{
    /// <summary>
    /// The shop asked for with <c>?store=</c>, or the first one when none was asked for; null when the id is not a shop
    /// the person may see (another account's reads as missing: a 404, never a fallback to another shop).
    /// </summary>
    public static Store? Of(Workspace workspace, long? requested)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return requested is null ? workspace.StoreOrFirst : workspace.Store;
    }
}
