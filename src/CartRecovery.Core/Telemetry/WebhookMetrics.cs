using System.Diagnostics.Metrics;

namespace CartRecovery.Core.Telemetry;

/// <summary>
/// Webhook deliveries as received (<c>cartrecovery.webhook.deliveries</c>: outcome accepted, duplicate or refused, with the
/// refusal's reason) and as processed from the inbox (<c>cartrecovery.webhook.processed</c>: outcome processed, retrying or failed).
/// </summary>
public static class WebhookMetrics
{
    public const string Accepted = "accepted";
    public const string Duplicate = "duplicate";
    public const string Refused = "refused";

    private static readonly Counter<long> Deliveries = CartRecoveryTelemetry.Meter.CreateCounter<long>(
        "cartrecovery.webhook.deliveries", "{delivery}", "Webhook deliveries received, by platform, outcome and refusal reason");

    private static readonly Counter<long> Processed = CartRecoveryTelemetry.Meter.CreateCounter<long>(
        "cartrecovery.webhook.processed", "{delivery}", "Stored webhook deliveries handled by the processing job, by platform and outcome");

    /// <summary>A verified delivery stored in the inbox, or recognised as one already there.</summary>
    public static void Received(string platform, bool isNew) => Deliveries.Add(1,
        new(CartRecoveryTelemetry.Tags.Platform, platform), new(CartRecoveryTelemetry.Tags.Outcome, isNew ? Accepted : Duplicate));

    /// <summary>A delivery answered with an error and not stored; <paramref name="reason"/> is a short fixed word (signature, malformed, too_large).</summary>
    public static void Refuse(string platform, string reason) => Deliveries.Add(1,
        new(CartRecoveryTelemetry.Tags.Platform, platform), new(CartRecoveryTelemetry.Tags.Outcome, Refused),
        new(CartRecoveryTelemetry.Tags.Reason, reason));

    public static void Handled(string platform, string outcome) => Processed.Add(1,
        new(CartRecoveryTelemetry.Tags.Platform, platform), new(CartRecoveryTelemetry.Tags.Outcome, outcome));
}
