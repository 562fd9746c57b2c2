using CartRecovery.Core.Metrics;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Pages.Portfolio;

/// <summary>How a client shop is doing, worst first.</summary>
public enum ShopHealth
{
    Uninstalled,
    SendingPaused,
    /// <summary>Connected, but no cart came in for a week (capture script gone, polling failing, or a quiet shop).</summary>
    Quiet,
    Healthy,
}

/// <summary>One client shop's line in the portfolio: the last 30 days' figures and its health.</summary>
public sealed record PortfolioRow(Store Store, MoneyTotal Revenue, RecoveryFunnel Funnel, long EmailsSent, DateTimeOffset? LastCart, int Quarantined)
{
    public ShopHealth Health => Store.Status != StoreStatus.Active ? ShopHealth.Uninstalled
        : Store.SendingPausedReason is not null ? ShopHealth.SendingPaused
        : LastCart is null || IsQuiet ? ShopHealth.Quiet
        : ShopHealth.Healthy;

    /// <summary>Set by the builder: no cart for <see cref="PortfolioRows.QuietAfter"/>.</summary>
    public bool IsQuiet { get; init; }

    /// <summary>Things a person should look at: messages set aside after failed sends, a paused shop.</summary>
    public int Alerts => Quarantined + (Health is ShopHealth.Healthy ? 0 : 1);
}
