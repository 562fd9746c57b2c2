using System.Diagnostics.Metrics;
using CartRecovery.Core.Telemetry;
using CartRecovery.Core.Webhooks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CartRecovery.Core.Tests.Telemetry;

public sealed class WebhookInboxGaugesTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);
    private readonly Mock<IWebhookBacklog> _backlog = new();
    private readonly TestMeterFactory _meters = new();
    private readonly MeterListener _listener = new();
    private readonly Dictionary<string, double> _observed = [];

    public WebhookInboxGaugesTests()
    {
        // Meters are process-wide: only this test's factory's instruments are listened to.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, _meters))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _observed[instrument.Name] = value);
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => _observed[instrument.Name] = value);
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _meters.Dispose();
        GC.SuppressFinalize(this);
    }

    private WebhookInboxGauges Create() => new(_backlog.Object, _time, _meters, NullLogger<WebhookInboxGauges>.Instance);

    private Dictionary<string, double> Collect()
    {
        _observed.Clear();
        _listener.RecordObservableInstruments();
        return new(_observed);
    }

    [Fact]
    public void Collect_WhenDeliveriesWait_ReportsTheirCountAndTheOldestOnesAge()
    {
        _backlog.Setup(b => b.MeasureAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new WebhookBacklog(3, T0.AddSeconds(-90)));
        using var gauges = Create();

        var observed = Collect();

        Assert.Equal(3, observed["cartrecovery.webhook.inbox.depth"]);
        Assert.Equal(90, observed["cartrecovery.webhook.inbox.oldest_age"]);
    }

    [Fact]
    public void Collect_WhenNothingWaits_ReportsZeroAge()
    {
        _backlog.Setup(b => b.MeasureAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new WebhookBacklog(0, null));
        using var gauges = Create();

        var observed = Collect();

        Assert.Equal((0d, 0d), (observed["cartrecovery.webhook.inbox.depth"], observed["cartrecovery.webhook.inbox.oldest_age"]));
    }

    [Fact]
    public void Collect_WithinTheCachePeriod_QueriesOnceAndAfterItAgain()
    {
        _backlog.Setup(b => b.MeasureAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new WebhookBacklog(1, T0));
        using var gauges = Create();

        Collect();
        _time.Advance(WebhookInboxGauges.CacheFor - TimeSpan.FromSeconds(1));
        Collect();
        _backlog.Verify(b => b.MeasureAsync(It.IsAny<CancellationToken>()), Times.Once);

        _time.Advance(TimeSpan.FromSeconds(1));
        _backlog.Setup(b => b.MeasureAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new WebhookBacklog(4, T0));
        Assert.Equal(4, Collect()["cartrecovery.webhook.inbox.depth"]);
        _backlog.Verify(b => b.MeasureAsync(It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public void Collect_WhenTheDatabaseFails_ReportsNothingRatherThanAStaleOrZeroDepth()
    {
        _backlog.Setup(b => b.MeasureAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("database is down"));
        using var gauges = Create();

        Assert.Empty(Collect());
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
