using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Pages.Portfolio;

/// <summary>Builds and sorts the portfolio's lines from the same reads as the dashboard (funnel, daily roll-up) and the API.</summary>
internal sealed class PortfolioRows(IMetricsQuery metrics, IMetricsRollup rollup, ICartRepository carts, IMessageRepository messages, TimeProvider time)
{
    public const int Days = 30;
    public static readonly TimeSpan QuietAfter = TimeSpan.FromDays(7);

    /// <summary>The columns the table sorts by (<c>?sort=</c>); a leading '-' sorts descending.</summary>
    public static readonly string[] Columns = ["name", "revenue", "rate", "sent", "health", "alerts"];

    public async Task<IReadOnlyList<PortfolioRow>> BuildAsync(IReadOnlyList<Store> stores, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stores);
        var now = time.GetUtcNow();
        var last = DateOnly.FromDateTime(now.UtcDateTime);
        var first = last.AddDays(1 - Days);
        var rows = new List<PortfolioRow>();
        foreach (var store in stores)
        {
            var daily = await rollup.ListAsync(store.Id, first, last, ct);
            var funnel = await metrics.GetFunnelAsync([store.Id], new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), now, ct);
            var lastCart = await carts.ListAsync(new CartQuery(store.Id, null, 0, 1) { StoreIds = [store.Id] }, ct) is [var newest, ..]
                ? newest.UpdatedAt
                : (DateTimeOffset?)null;
            rows.Add(new PortfolioRow(store, new MoneyTotal(store.Currency, daily.Where(d => d.Currency == store.Currency).Sum(d => d.RecoveredRevenueMinor)),
                funnel, daily.Sum(d => d.EmailsSent), lastCart, await messages.CountQuarantinedAsync([store.Id], ct))
            {
                IsQuiet = lastCart is { } at && now - at > QuietAfter,
            });
        }
        return rows;
    }

    /// <summary>Sorts by a column of <see cref="Columns"/>; an unknown one sorts by revenue, best first.</summary>
    public static IReadOnlyList<PortfolioRow> Sort(IEnumerable<PortfolioRow> rows, string? sort)
    {
        var descending = sort is not null && sort.StartsWith('-');
        var column = sort?.TrimStart('-');
        if (column is null || !Columns.Contains(column))
            (column, descending) = ("revenue", true);
        Func<PortfolioRow, IComparable> key = column switch
        {
            "name" => r => r.Store.Name.ToUpperInvariant(),
            "rate" => r => r.Funnel.RecoveryRate,
            "sent" => r => r.EmailsSent,
            "health" => r => (int)r.Health,
            "alerts" => r => r.Alerts,
            // Amounts are not converted between currencies: shops in different currencies sort by their own amounts.
            _ => r => r.Revenue.AmountMinor,
        };
        var ordered = descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
        return ordered.ThenBy(r => r.Store.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}
