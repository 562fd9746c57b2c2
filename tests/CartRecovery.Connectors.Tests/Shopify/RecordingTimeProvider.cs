using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Connectors.Tests.Shopify;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports every timer created on it (Task.Delay, timeouts), so a test can
/// see how long the code decided to wait and advance the clock only once the wait has begun.
/// </summary>
internal sealed class RecordingTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly FakeTimeProvider _inner = new(start);
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override DateTimeOffset GetUtcNow() => _inner.GetUtcNow();

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _inner.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    public void Advance(TimeSpan by) => _inner.Advance(by);

    /// <summary>The due time of the next timer created with a due time other than <paramref name="ignore"/> (bounded real-time wait).</summary>
    public async Task<TimeSpan> NextTimerAsync(TimeSpan ignore)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var due = await _timers.Reader.ReadAsync(timeout.Token);
            if (due != ignore)
                return due;
        }
    }
}
