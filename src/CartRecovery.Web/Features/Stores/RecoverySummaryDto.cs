using CartRecovery.Core;
using CartRecovery.Core.Metrics;

namespace CartRecovery.Web.Features.Stores;

/// <summary>The headline numbers of one store, as /api/stores/{id}/summary answers them (the embedded app calls it with a session token).</summary>
internal sealed record RecoverySummaryDto(long StoreId, long AbandonedCarts, long EmailsSent, long RecoveredOrders, IReadOnlyList<MoneyAmountDto> RecoveredRevenue)
{
    public static RecoverySummaryDto From(long storeId, RecoveryMetrics metrics) => new(storeId, metrics.AbandonedCarts, metrics.EmailsSent,
        metrics.RecoveredOrders, [.. metrics.RecoveredRevenue.Select(m => new MoneyAmountDto(m.Currency, m.AmountMinor, Money.Decimals(m.Currency)))]);
}

/// <summary>An amount in minor units of its currency, with the number of decimals that currency has (2 for EUR, 0 for JPY).</summary>
internal sealed record MoneyAmountDto(string Currency, long AmountMinor, int Decimals);
