using System.Globalization;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Pages.AppShell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CartRecovery.Web.Pages.Carts;

/// <summary>
/// <c>/app/carts</c>: the carts of the chosen shop (or of every visible shop), newest first, filtered in SQL through the
/// API's own <see cref="CartQuery"/> and paged; the filters are a GET form so a filtered page can be bookmarked.
/// </summary>
internal sealed class IndexModel(WorkspaceLoader loader, ICartRepository carts, IMessageRepository messages, IStringLocalizer<IndexModel> text)
    : AppPageModel(loader)
{
    public const int PageSize = 25;
    private const int MaxEmailSearch = 254;

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Min { get; set; }
    [BindProperty(SupportsGet = true)] public string? Max { get; set; }
    [BindProperty(SupportsGet = true)] public string? Email { get; set; }
    /// <summary>The page of results (<c>?p=</c>: Razor Pages keeps <c>page</c> for its own route value).</summary>
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Erased { get; set; }

    public override string Title => text["Carts"];

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool HasNextPage { get; private set; }
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);
    public bool IsFiltered => new[] { Status, From, To, Min, Max, Email }.Any(v => !string.IsNullOrWhiteSpace(v));
    /// <summary>Whether the list spans several shops (then a shop column shows).</summary>
    public bool ShowsShop => Workspace.Store is null && Workspace.Stores.Count > 1;
    /// <summary>The clock the date filter reads in: the shop's, else the one all visible shops share, else UTC.</summary>
    public TimeZoneInfo FilterZone { get; private set; } = TimeZoneInfo.Utc;
    /// <summary>The currency the value filter reads in, or null when the visible shops use several.</summary>
    public string? FilterCurrency { get; private set; }

    public sealed record Row(Cart Cart, Store Store, int? StepReached);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(PageNumber, 1);
        IReadOnlyList<Store> shops = Workspace.Store is { } chosen ? [chosen] : Workspace.Stores;
        FilterZone = shops.Select(s => s.ResolveTimeZone()).DistinctBy(z => z.Id).ToList() is [var zone] ? zone : TimeZoneInfo.Utc;
        FilterCurrency = shops.Select(s => s.Currency.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList() is [var currency] ? currency : null;
        if (shops.Count == 0 || BuildQuery() is not { } query)
            return;

        // One row more than a page says whether there is a next page, without counting every match.
        var page = await carts.ListAsync(query, ct);
        HasNextPage = page.Count > PageSize;
        var rows = new List<Row>();
        foreach (var cart in page.Take(PageSize))
        {
            if (Workspace.Find(cart.StoreId) is { } store)
                rows.Add(new Row(cart, store, CartDisplay.StepReached(await messages.ListForCartAsync(cart.Id, ct))));
        }
        Rows = rows;
    }

    /// <summary>The query of the filters, or null (with <see cref="Errors"/> filled) when one of them is not understood.</summary>
    private CartQuery? BuildQuery()
    {
        CartStatus? status = null;
        if (!string.IsNullOrEmpty(Status))
        {
            if (Enum.TryParse<CartStatus>(Status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(Status, out _))
                status = s;
            else
                Errors[nameof(Status)] = text["Choose a status from the list."];
        }
        var from = Day(From, nameof(From));
        var to = Day(To, nameof(To));
        if (from is { } f && to is { } t && t < f)
            Errors[nameof(To)] = text["The end date must be on or after the start date."];
        var min = Amount(Min, nameof(Min));
        var max = Amount(Max, nameof(Max));
        if (min is { } low && max is { } high && high < low)
            Errors[nameof(Max)] = text["The highest value must be at least the lowest."];
        var email = Email?.Trim();
        if (email is { Length: > MaxEmailSearch })
            Errors[nameof(Email)] = text["Search with at most {0} characters.", MaxEmailSearch];
        if (Errors.Count > 0)
            return null;

        return new CartQuery(Workspace.Store?.Id, status, (PageNumber - 1) * PageSize, PageSize + 1)
        {
            StoreIds = Workspace.StoreIds,
            AbandonedFrom = from is { } start ? Start(start) : null,
            // The end date is included: carts abandoned before the next day began on the shop's clock.
            AbandonedBefore = to is { } end ? Start(end.AddDays(1)) : null,
            MinTotalMinor = min,
            MaxTotalMinor = max,
            EmailContains = string.IsNullOrEmpty(email) ? null : email,
        };
    }

    private DateTimeOffset Start(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, FilterZone.GetUtcOffset(local));
    }

    private DateOnly? Day(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        // <input type=date> always sends yyyy-MM-dd, whatever the page's language.
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        Errors[field] = text["Enter a date such as 2026-01-31."];
        return null;
    }

    private long? Amount(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (FilterCurrency is not { } currency)
        {
            Errors[field] = text["Your shops use different currencies: choose a shop to filter by value."];
            return null;
        }
        // <input type=number> sends a dot; a typed comma (French) is read the same way.
        var normalized = value.Trim().Replace(',', '.');
        if (decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount <= 100_000_000m)
            return Core.Money.ParseMajor(amount.ToString(CultureInfo.InvariantCulture), currency);
        Errors[field] = text["Enter an amount such as 49.90."];
        return null;
    }

    /// <summary>This list with the same filters on another page.</summary>
    public string PageLink(int page)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (Workspace.Store is { } store)
            query.Add(new("store", store.Id.ToString(CultureInfo.InvariantCulture)));
        foreach (var (key, value) in new[] { ("status", Status), ("from", From), ("to", To), ("min", Min), ("max", Max), ("email", Email) })
        {
            if (!string.IsNullOrWhiteSpace(value))
                query.Add(new(key, value));
        }
        if (page > 1)
            query.Add(new("p", page.ToString(CultureInfo.InvariantCulture)));
        return "/app/carts" + Microsoft.AspNetCore.Http.QueryString.Create(query);
    }
}
