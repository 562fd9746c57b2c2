using System.Diagnostics.Metrics;
using CartRecovery.Core.Webhooks;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Telemetry;

/// <summary>
/// <c>cartrecovery.webhook.inbox.depth</c> (pending deliveries) and <c>cartrecovery.webhook.inbox.oldest_age</c> (seconds
/// since the oldest pending one arrived, 0 when none waits). One query answers both, read at most once per
/// <see cref="CacheFor"/> however often the gauges are collected. Unlike the counters these gauges belong to one host's
/// container (<see cref="IMeterFactory"/>): they read its database, and stop with it.
/// </summary>
public sealed partial class WebhookInboxGauges : IDisposable
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly IWebhookBacklog _backlog;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookInboxGauges> _logger;
    private readonly Meter _meter;
    private readonly Lock _gate = new();
    private (WebhookBacklog Backlog, DateTimeOffset At)? _last;

    public WebhookInboxGauges(IWebhookBacklog backlog, TimeProvider time, IMeterFactory meters, ILogger<WebhookInboxGauges> logger)
    {
        ArgumentNullException.ThrowIfNull(backlog);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(logger);
        _backlog = backlog;
        _time = time;
        _logger = logger;
        _meter = meters.Create(CartRecoveryTelemetry.Name);
        _meter.CreateObservableGauge("cartrecovery.webhook.inbox.depth", () => Observe(b => b.Pending), "{delivery}",
            "Webhook deliveries waiting in the inbox");
        _meter.CreateObservableGauge("cartrecovery.webhook.inbox.oldest_age", () => Observe(AgeOf), "s",
            "Seconds since the oldest waiting webhook delivery arrived");
    }

    private double AgeOf(WebhookBacklog backlog) =>
        backlog.OldestReceivedAt is { } oldest ? Math.Max(0, (_time.GetUtcNow() - oldest).TotalSeconds) : 0;

    /// <summary>No measurement at all when the database cannot answer: a stale or zero depth would hide the outage.</summary>
    private IEnumerable<Measurement<T>> Observe<T>(Func<WebhookBacklog, T> value) where T : struct =>
        Read() is { } backlog ? [new Measurement<T>(value(backlog))] : [];

    private WebhookBacklog? Read()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_last is { } last && now - last.At < CacheFor)
                return last.Backlog;
            try
            {
                // Gauge callbacks are synchronous; the query is one indexed aggregate, read at most every few seconds.
                var backlog = _backlog.MeasureAsync(CancellationToken.None).GetAwaiter().GetResult();
                _last = (backlog, now);
                return backlog;
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                _last = null;
                Log.ReadFailed(_logger, error);
                return null;
            }
        }
    }

    public void Dispose()
    {
        _meter.Dispose();
        GC.SuppressFinalize(this);
    }

    private static partial class Log
    {
        [LoggerMessage(1701, LogLevel.Warning, "Could not read the webhook inbox's backlog for its gauges")]
        public static partial void ReadFailed(ILogger logger, Exception error);
    }
}
