using System.Globalization;
using CartRecovery.Web.Pages.AppShell;

namespace CartRecovery.Web.Pages.Team;

/// <summary>How the account pages (Team, API keys) write shops and dates: shop names, dates in the first shop's time zone.</summary>
internal static class AccountPageText
{
    /// <summary>The names of the shops a member, invitation or key is limited to; null for every shop.</summary>
    public static string? ShopNames(Workspace workspace, IReadOnlyList<long>? storeIds) => storeIds is null
        ? null
        : string.Join(", ", storeIds.Select(id => workspace.Find(id)?.Name ?? "#" + id.ToString(CultureInfo.InvariantCulture)));

    public static TimeZoneInfo Zone(Workspace workspace) => workspace.StoreOrFirst?.ResolveTimeZone() ?? TimeZoneInfo.Utc;

    public static string Date(Workspace workspace, DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Zone(workspace)).ToString("d MMM yyyy", CultureInfo.CurrentCulture);
}
