using System.Diagnostics.Metrics;

namespace CartRecovery.Core.Telemetry;

/// <summary>
/// <c>cartrecovery.job.duration</c>: how long each scheduled job ran, by job (store polls share one name, their group) and
/// outcome; and <c>cartrecovery.poll.lag</c>: for each store poll that succeeds, seconds since that store's previous
/// successful poll in this process, by connector (how stale a store's polled data can get).
/// </summary>
public static class JobMetrics
{
    private static readonly Histogram<double> Duration = CartRecoveryTelemetry.Meter.CreateHistogram(
        "cartrecovery.job.duration", "s", "Seconds each scheduled job run took, by job and outcome",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });

    private static readonly Histogram<double> PollLag = CartRecoveryTelemetry.Meter.CreateHistogram(
        "cartrecovery.poll.lag", "s", "Seconds between a store's successful polls, by connector",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [15, 30, 60, 90, 120, 300, 600, 1800, 3600, 21600] });

    public static void JobRan(string job, string outcome, TimeSpan duration) => Duration.Record(duration.TotalSeconds,
        new(CartRecoveryTelemetry.Tags.Job, job), new(CartRecoveryTelemetry.Tags.Outcome, outcome));

    public static void Polled(string connector, TimeSpan sincePrevious) =>
        PollLag.Record(Math.Max(0, sincePrevious.TotalSeconds), new KeyValuePair<string, object?>(CartRecoveryTelemetry.Tags.Connector, connector));
}
