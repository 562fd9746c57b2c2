using System.Collections.ObjectModel;
using System.Diagnostics;
using CartRecovery.Core.Telemetry;
using CartRecovery.Web.Tests.Features.Shopify;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace CartRecovery.Web.Tests.Features.Telemetry;

/// <summary>One cart's journey through the host's own tracing setup, exported in memory.</summary>
public sealed class CartTraceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Journey_OfOneCart_IsFollowedThroughItsIdsFromDeliveryToClick()
    {
        var exported = new ExportedActivities();
        await using var host = await ShopifyHost.StartAsync(services: s => s.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(exported)));

        // Other tests' hosts trace into the same process-wide sources, with the same ids in their own databases: this test's
        // spans are the ones under its own root, which every call below (in process or over HTTP) carries along.
        using var root = new Activity("journey") { ActivityTraceFlags = ActivityTraceFlags.Recorded }.Start();
        var journey = await CartJourney.WalkAsync(host);
        root.Stop();
        exported.KeepTrace(root.TraceId);

        var cart = journey.Cart.Id;
        var click = Single(exported, "restore.click", cart);
        // The click's request span ends after its response reached the browser: wait for it rather than race it.
        var request = await exported.WaitForAsync(a => a.SpanId == click.ParentSpanId, Ct);
        Assert.Equal((ActivityKind.Server, "/r/{token}", "/r/{token}"), (request.Kind, request.GetTagItem("url.path"), request.GetTagItem("http.route")));
        Assert.Equal("redirect", click.GetTagItem(CartRecoveryTelemetry.Tags.Outcome));

        var report = exported.Snapshot().First(a => a.OperationName == "cart.report" && Equals(a.GetTagItem(CartRecoveryTelemetry.Tags.CartId), cart));
        var delivery = exported.Snapshot().Single(a => a.SpanId == report.ParentSpanId);
        Assert.Equal(("webhook.process", "shopify", journey.Store.Id), (delivery.OperationName, delivery.GetTagItem("platform"), delivery.GetTagItem(CartRecoveryTelemetry.Tags.StoreId)));
        Single(exported, "cart.abandon", cart);
        var sends = exported.Snapshot().Where(a => a.OperationName == "message.send" && Equals(a.GetTagItem(CartRecoveryTelemetry.Tags.CartId), cart))
            .OrderBy(a => (int)a.GetTagItem(CartRecoveryTelemetry.Tags.Step)!).ToList();
        Assert.Equal([1, 2], sends.Select(a => (int)a.GetTagItem(CartRecoveryTelemetry.Tags.Step)!));
        Assert.All(sends, a => Assert.Equal(("Sent", journey.Store.Id), (a.GetTagItem(CartRecoveryTelemetry.Tags.Outcome), a.GetTagItem(CartRecoveryTelemetry.Tags.StoreId))));
        // The offer step's discount code is created through the Shopify API: that call is a child of the send.
        Assert.Contains(exported.Snapshot(), a => a.Kind == ActivityKind.Client && a.ParentSpanId == sends[1].SpanId);

        // The calls this test makes to the app as the shopper's browser are traced too (HttpClient is instrumented
        // process-wide); they are the browser's spans, not the app's, and of course name the link they follow.
        var appSpans = exported.Snapshot().Where(a => !(a.Kind == ActivityKind.Client
            && (a.GetTagItem("url.full") as string)?.StartsWith(host.BaseUrl.AbsoluteUri, StringComparison.Ordinal) == true));
        var tags = appSpans.SelectMany(a => a.TagObjects.Select(t => $"{a.OperationName} {a.Kind} {t.Key}={t.Value}")).ToList();
        foreach (var secret in new[] { journey.Email, journey.RestoreToken, journey.UnsubscribeToken })
            Assert.DoesNotContain(tags, t => t.Contains(secret, StringComparison.OrdinalIgnoreCase));
    }

    private static Activity Single(ExportedActivities exported, string name, long cartId) =>
        Assert.Single(exported.Snapshot(), a => a.OperationName == name && Equals(a.GetTagItem(CartRecoveryTelemetry.Tags.CartId), cartId));

    /// <summary>The in-memory exporter's list, safe to read while spans of other threads are still being added.</summary>
    private sealed class ExportedActivities : Collection<Activity>
    {
        private readonly Lock _gate = new();
        private ActivityTraceId? _trace;

        public void KeepTrace(ActivityTraceId trace)
        {
            lock (_gate)
                _trace = trace;
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (_gate)
                base.InsertItem(index, item);
        }

        public Activity[] Snapshot()
        {
            lock (_gate)
                return [.. Items.Where(a => _trace is not { } trace || a.TraceId == trace)];
        }

        public async Task<Activity> WaitForAsync(Func<Activity, bool> match, CancellationToken ct)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (true)
            {
                if (Snapshot().FirstOrDefault(match) is { } found)
                    return found;
                Assert.True(DateTime.UtcNow < deadline, "the span was never exported");
                await Task.Delay(20, ct);
            }
        }
    }
}
