using System.Net;
using System.Text.Json;
using CartRecovery.Connectors.Shopify.Checkouts;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace CartRecovery.Connectors.Tests.Shopify.Checkouts;

public sealed class ShopifyPollerTests
{
    private const string Page1Cursor = "eyJsYXN0X2lkIjo5ODE4MjAwNzkyNTUyNDM2MDAsImxhc3RfdmFsdWUiOiI5ODE4MjAwNzkyNTUyNDM2MDAifQ==";

    /// <summary>Shopify serving the two recorded pages, chosen by the <c>after</c> variable.</summary>
    private static HttpResponseMessage Pages(RecordedRequest request)
    {
        var after = request.Variables.GetProperty("after");
        if (after.ValueKind == JsonValueKind.Null)
            return Respond.Fixture("abandoned_checkouts_page1.json");
        return after.GetString() == Page1Cursor ? Respond.Fixture("abandoned_checkouts_page2.json") : Respond.Status(HttpStatusCode.BadRequest);
    }

    private static ShopifyPoller Poller(ShopifyTestKit kit, CartPorts ports, InMemoryConnectorState state) =>
        new(kit.Api(), new ShopifyCartReporter(ports.Ingestion(kit.Time)), state, kit.OptionsAccessor,
            new RecoveryOptions(), kit.Time, NullLogger<ShopifyPoller>.Instance);

    [Fact]
    public async Task PollAsync_StoreUninstalled_ReadsNothing()
    {
        using var kit = new ShopifyTestKit(Pages);
        var reported = await Poller(kit, new CartPorts(), new InMemoryConnectorState()).PollAsync(ShopifyTestKit.Store(StoreStatus.Uninstalled), TestContext.Current.CancellationToken);
        Assert.Equal(0, reported);
        Assert.Empty(kit.Handler.Requests);
    }

    [Fact]
    public async Task PollAsync_FirstPass_QueriesThroughVariablesFromMaxCartAgeAgo()
    {
        using var kit = new ShopifyTestKit(Pages);
        await Poller(kit, new CartPorts(), new InMemoryConnectorState()).PollAsync(ShopifyTestKit.Store(), TestContext.Current.CancellationToken);

        var first = kit.Handler.GraphQl[0];
        Assert.Equal(10, first.Variables.GetProperty("first").GetInt32());
        Assert.Equal(JsonValueKind.Null, first.Variables.GetProperty("after").ValueKind);
        Assert.Equal("updated_at:>='2026-11-15T17:00:00Z'", first.Variables.GetProperty("query").GetString());
        Assert.Equal("ID", first.Variables.GetProperty("sortKey").GetString());
        Assert.Equal(10, first.Variables.GetProperty("lineItems").GetInt32());
        Assert.DoesNotContain("updated_at", first.Query, StringComparison.Ordinal);
        Assert.Equal(ShopifyTestKit.StoreToken, first.Header("X-Shopify-Access-Token"));
    }

    [Fact]
    public async Task PollAsync_TwoPages_ReportsEveryCheckoutAndMovesTheCursorWhenThePassEnds()
    {
        using var kit = new ShopifyTestKit(Pages);
        var ports = new CartPorts();
        var state = new InMemoryConnectorState();

        var reported = await Poller(kit, ports, state).PollAsync(ShopifyTestKit.Store(), TestContext.Current.CancellationToken);

        Assert.Equal(3, reported);
        Assert.Equal(["981820079255243537", "981820079255243600", "981820079255243700"], ports.Upserted.Select(s => s.ExternalId));
        Assert.Equal(Page1Cursor, kit.Handler.GraphQl[1].Variables.GetProperty("after").GetString());
        Assert.Equal("", state.Get(ShopifyPoller.PageKey));
        // The next pass starts where this one started, less the overlap.
        Assert.Equal("2026-11-22T16:50:00Z", state.Get(ShopifyPoller.CursorKey));
    }

    [Fact]
    public async Task PollAsync_SavedCursor_FiltersFromIt()
    {
        using var kit = new ShopifyTestKit(Pages);
        var state = new InMemoryConnectorState();
        await state.SetAsync(1, ShopifyPoller.CursorKey, "2026-11-22T12:00:00Z", TestContext.Current.CancellationToken);

        await Poller(kit, new CartPorts(), state).PollAsync(ShopifyTestKit.Store(), TestContext.Current.CancellationToken);

        Assert.Equal("updated_at:>='2026-11-22T12:00:00Z'", kit.Handler.GraphQl[0].Variables.GetProperty("query").GetString());
    }

    /// <summary>Upserts of <paramref name="externalId"/> fail once, as a database outage would.</summary>
    private static void FailOnce(CartPorts ports, string externalId)
    {
        var failed = false;
        ports.Carts.Setup(c => c.UpsertAlignedAsync(It.Is<CartSnapshot>(s => s.ExternalId == externalId),
                It.IsAny<Func<CartSnapshot, IReadOnlyList<CartRefMatch>, CartSnapshot>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((CartSnapshot snapshot, Func<CartSnapshot, IReadOnlyList<CartRefMatch>, CartSnapshot> _, DateTimeOffset now, CancellationToken _) =>
            {
                if (!failed)
                {
                    failed = true;
                    throw new InvalidOperationException("database is locked");
                }
                ports.Upserted.Enqueue(snapshot);
                return new CartMergeResult(Cart.FromSnapshot(snapshot, now), MergeOutcome.Created);
            });
    }

    [Fact]
    public async Task PollAsync_CrashInTheFirstPage_SavesNoCursorAndReplaysFromTheStart()
    {
        using var kit = new ShopifyTestKit(Pages);
        var ports = new CartPorts();
        var state = new InMemoryConnectorState();
        FailOnce(ports, "981820079255243600");   // the second checkout of page 1
        var poller = Poller(kit, ports, state);

        await Assert.ThrowsAsync<InvalidOperationException>(() => poller.PollAsync(ShopifyTestKit.Store(), TestContext.Current.CancellationToken));

        Assert.Null(state.Get(ShopifyPoller.PageKey));
        Assert.Null(state.Get(ShopifyPoller.CursorKey));

        var reported = await poller.PollAsync(ShopifyTestKit.Store(), TestContext.Current.CancellationToken);

        Assert.Equal(3, reported);
        Assert.Equal(JsonValueKind.Null, kit.Handler.GraphQl[1].Variables.GetProperty("after").ValueKind);
        Assert.Contains(ports.Upserted, s => s.ExternalId == "981820079255243600");
    }

    [Fact]
    public async Task PollAsync_CrashInALaterPage_KeepsThePreviousPageCursorAndReplaysThatPage()
    {
        using var kit = new ShopifyTestKit(Pages);
        var ports = new CartPorts();
        var state = new InMemoryConnectorState();
        FailOnce(ports, "981820079255243700");   // the checkout of page 2
        var poller = Poller(kit, ports, state);

        await Assert.ThrowsAsync<InvalidOperationException>(() => poller.PollAsync(ShopifyTestKit.Store(), TestContext.Current.CancellationToken));

        Assert.Equal(Page1Cursor, state.Get(ShopifyPoller.PageKey));
        Assert.Null(state.Get(ShopifyPoller.CursorKey));

        kit.Time.Advance(TimeSpan.FromMinutes(1));
        var reported = await poller.PollAsync(ShopifyTestKit.Store(), TestContext.Current.CancellationToken);

        Assert.Equal(1, reported);
        Assert.Equal(Page1Cursor, kit.Handler.GraphQl[^1].Variables.GetProperty("after").GetString());
        Assert.Contains(ports.Upserted, s => s.ExternalId == "981820079255243700");
        // The pass that crashed began at FixtureTime.Now; the resumed pass keeps that start.
        Assert.Equal("2026-11-22T16:50:00Z", state.Get(ShopifyPoller.CursorKey));
        Assert.Equal("", state.Get(ShopifyPoller.PageKey));
    }

    [Fact]
    public async Task PollAsync_PageLimitReached_StopsAndResumesNextPoll()
    {
        using var kit = new ShopifyTestKit(Pages);
        kit.Options.PollMaxPages = 1;
        var state = new InMemoryConnectorState();
        var poller = Poller(kit, new CartPorts(), state);

        Assert.Equal(2, await poller.PollAsync(ShopifyTestKit.Store(), TestContext.Current.CancellationToken));
        Assert.Equal(Page1Cursor, state.Get(ShopifyPoller.PageKey));
        Assert.Null(state.Get(ShopifyPoller.CursorKey));

        Assert.Equal(1, await poller.PollAsync(ShopifyTestKit.Store(), TestContext.Current.CancellationToken));
        Assert.Equal(Page1Cursor, kit.Handler.GraphQl[^1].Variables.GetProperty("after").GetString());
        Assert.Equal("2026-11-22T16:50:00Z", state.Get(ShopifyPoller.CursorKey));
    }

    [Fact]
    public async Task PollAsync_MalformedCheckout_IsSkippedAndTheRestReported()
    {
        var page = """
            {"data":{"abandonedCheckouts":{"nodes":[
              {"id":"not-a-gid","createdAt":"2026-11-22T10:00:00Z"},
              {"id":"gid://shopify/AbandonedCheckout/42","createdAt":"2026-11-22T10:00:00Z","updatedAt":"2026-11-22T10:05:00Z",
               "totalPriceSet":{"shopMoney":{"amount":"10.0","currencyCode":"USD"}},"lineItems":{"nodes":[]}}
            ],"pageInfo":{"hasNextPage":false,"endCursor":null}}}}
            """;
        using var kit = new ShopifyTestKit(_ => Respond.Json(page));
        var ports = new CartPorts();

        var reported = await Poller(kit, ports, new InMemoryConnectorState()).PollAsync(ShopifyTestKit.Store(), TestContext.Current.CancellationToken);

        Assert.Equal(1, reported);
        Assert.Equal("42", Assert.Single(ports.Upserted).ExternalId);
    }

    [Fact]
    public void FormatTime_IsUtcIso8601ToTheSecond() =>
        Assert.Equal("2026-11-22T17:00:00Z", ShopifyPoller.FormatTime(FixtureTime.Now.ToOffset(TimeSpan.FromHours(2)).AddMilliseconds(400)));
}
