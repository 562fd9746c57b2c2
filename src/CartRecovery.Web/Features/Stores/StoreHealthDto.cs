using System.Text.Json;
using CartRecovery.Core.FeedHealth;

namespace CartRecovery.Web.Features.Stores;

/// <summary>
/// A store's feeds as <c>GET /api/stores/{id}/health</c> answers them: <see cref="Healthy"/> is false while any feed is
/// stale or broken; each feed says when it last brought something and how much it usually brings at this hour.
/// </summary>
internal sealed record StoreHealthDto(long StoreId, DateTimeOffset CheckedAt, bool Healthy, IReadOnlyList<FeedHealthDto> Feeds, SendLatencyDto SendLatency)
{
    public static StoreHealthDto From(long storeId, DateTimeOffset checkedAt, IReadOnlyList<FeedReport> feeds, SendLatency latency) =>
        new(storeId, checkedAt, !feeds.Any(f => f.IsAlarming), [.. feeds.Select(FeedHealthDto.From)], SendLatencyDto.From(latency));
}

/// <summary>How late the store's messages went out over the last day: p50 and p99 of sent minus due time, in seconds (null: none sent).</summary>
internal sealed record SendLatencyDto(DateTimeOffset Since, long Sent, double? P50Seconds, double? P99Seconds)
{
    public static SendLatencyDto From(SendLatency latency) =>
        new(latency.Since, latency.Sent, latency.P50?.TotalSeconds, latency.P99?.TotalSeconds);
}

/// <summary>
/// One feed: <c>source</c> webhooks, polling or capture; <c>state</c> learning (its rhythm is not known yet), flowing,
/// stale (silent for about six of its usual gaps) or broken; <c>problem</c> credentials_refused, poll_failing,
/// poll_not_running, subscriptions_missing or capture_script_missing (null when none), with the platform's own words in <c>detail</c>.
/// </summary>
internal sealed record FeedHealthDto(string Source, string State, string? Problem, string? Detail, DateTimeOffset? LastEventAt, long? SilentForSeconds,
    double UsualPerHour, double ExpectedSinceLast)
{
    public static FeedHealthDto From(FeedReport report) => new(Word(report.Source), Word(report.State),
        report.Problem == FeedProblem.None ? null : Word(report.Problem), report.Detail, report.LastEventAt,
        report.SilentFor is { } silent ? (long)silent.TotalSeconds : null, Math.Round(report.UsualPerHourNow, 2), Math.Round(report.ExpectedSinceLast, 2));

    /// <summary>The API's word for a value: <c>CredentialsRefused</c> is <c>credentials_refused</c>.</summary>
    public static string Word<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
