using System.Collections.Concurrent;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Telemetry;

namespace CartRecovery.Jobs.Connectors;

/// <summary>
/// Remembers when each store's last poll succeeded in this process and records, at the next success, the time between
/// the two (<c>cartrecovery.poll.lag</c> by connector). A store's first success after a start records nothing.
/// </summary>
public sealed class PollLag(TimeProvider time)
{
    private readonly ConcurrentDictionary<long, DateTimeOffset> _lastSuccess = new();

    public void Succeeded(Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var now = time.GetUtcNow();
        if (_lastSuccess.TryGetValue(store.Id, out var previous))
            JobMetrics.Polled(store.Platform, now - previous);
        _lastSuccess[store.Id] = now;
    }
}
