using System.Diagnostics.Metrics;

namespace CartRecovery.Core.Telemetry;

/// <summary><c>cartrecovery.restore.clicks</c>: restore links followed, by outcome (redirect, expired, refused, invalid).</summary>
public static class LinkMetrics
{
    private static readonly Counter<long> Clicks = CartRecoveryTelemetry.Meter.CreateCounter<long>(
        "cartrecovery.restore.clicks", "{click}", "Restore links followed, by outcome");

    public static void RestoreClicked(string outcome) => Clicks.Add(1, new KeyValuePair<string, object?>(CartRecoveryTelemetry.Tags.Outcome, outcome));
}
