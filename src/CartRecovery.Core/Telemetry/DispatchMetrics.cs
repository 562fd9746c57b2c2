using System.Diagnostics.Metrics;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Core.Telemetry;

/// <summary>
/// What the dispatcher did with due messages: <c>cartrecovery.messages.sent</c> and <c>cartrecovery.messages.failed</c> by
/// channel (email, task) and transport, and <c>cartrecovery.dispatch.lateness</c>, seconds between a message's due time and
/// its send (the delay customers feel; the jobs' interval and any backlog add to it).
/// </summary>
public static class DispatchMetrics
{
    private static readonly Counter<long> Sent = CartRecoveryTelemetry.Meter.CreateCounter<long>(
        "cartrecovery.messages.sent", "{message}", "Messages sent (or follow-up tasks created), by channel and transport");

    private static readonly Counter<long> Failed = CartRecoveryTelemetry.Meter.CreateCounter<long>(
        "cartrecovery.messages.failed", "{message}", "Send attempts that failed, by channel, transport and whether it was the last attempt");

    private static readonly Histogram<double> Lateness = CartRecoveryTelemetry.Meter.CreateHistogram(
        "cartrecovery.dispatch.lateness", "s", "Seconds from a message's due time to its send",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900, 3600] });

    public static void MessageSent(string channel, string transport, TimeSpan lateness)
    {
        var channelTag = new KeyValuePair<string, object?>(CartRecoveryTelemetry.Tags.Channel, channel);
        var transportTag = new KeyValuePair<string, object?>(CartRecoveryTelemetry.Tags.Transport, transport);
        Sent.Add(1, channelTag, transportTag);
        Lateness.Record(Math.Max(0, lateness.TotalSeconds), channelTag, transportTag);
    }

    public static void MessageFailed(string channel, string transport, bool final) => Failed.Add(1,
        new(CartRecoveryTelemetry.Tags.Channel, channel), new(CartRecoveryTelemetry.Tags.Transport, transport),
        new("final", final));

    /// <summary>The transport label of follow-up tasks: they are created in the app, nothing leaves it.</summary>
    public const string TaskTransport = "app";

    public static string ChannelOf(StepKind kind) => kind switch
    {
        StepKind.Email => "email",
        StepKind.FollowUpTask => "task",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// A transport's short name for labels: its type name without the "Transport" suffix (PostmarkTransport: postmark,
    /// SmtpTransport: smtp, PickupFolderTransport: pickupfolder).
    /// </summary>
    public static string TransportName(object transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        var name = transport.GetType().Name;
        return (name.EndsWith("Transport", StringComparison.Ordinal) && name.Length > "Transport".Length
            ? name[..^"Transport".Length] : name).ToLowerInvariant();
    }
}
