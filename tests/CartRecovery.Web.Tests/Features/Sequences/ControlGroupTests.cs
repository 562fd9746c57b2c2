using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Tests.Features.Sequences;

/// <summary>Issue 15's control group through the real host on SQLite: enrolment, the dispatcher, the results API.</summary>
public sealed class ControlGroupTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private readonly RecoveryDriver _drive;
    private readonly HttpClient _api;

    public ControlGroupTests()
    {
        _drive = new RecoveryDriver(_app);
        _api = _app.AdminClient();
    }

    public void Dispose()
    {
        _api.Dispose();
        _app.Dispose();
    }

    private static object TwoEmails(int holdOutPercent) => new
    {
        name = "Held out",
        holdOutPercent,
        steps = new object[]
        {
            new { delaySeconds = 60, channel = "email", template = "reminder" },
            new { delaySeconds = 600, channel = "email", template = "reminder" },
        },
    };

    private async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(_drive.Ct);
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<long> CreateSequenceAsync(Store store, int holdOutPercent) =>
        (await JsonAsync(await _api.PostAsJsonAsync($"/api/stores/{store.Id}/sequences", TwoEmails(holdOutPercent), _drive.Ct), HttpStatusCode.Created))
            .GetProperty("id").GetInt64();

    private string[] EmailsOf(Cart cart) => _app.PickedUpEmails()
        .Where(f => MimeKit.MimeMessage.Load(f).MessageId?.StartsWith($"cart-{cart.Id}.", StringComparison.Ordinal) == true).ToArray();

    [Fact]
    public async Task HeldOutCarts_ThroughDispatchLateUpdatesAndReplacement_NeverGetAMessage()
    {
        var store = await _app.DemoStoreAsync();
        var sequenceId = await CreateSequenceAsync(store, 50);
        for (var i = 0; i < 24; i++)
            await _drive.ReportCartAsync(store, $"c{i}", $"shopper{i}@example.com");
        _drive.Advance(store.AbandonAfter + TimeSpan.FromSeconds(1));
        await _drive.DetectAsync();

        var all = new List<Cart>();
        for (var i = 0; i < 24; i++)
            all.Add((await _drive.CartAsync(store, $"c{i}"))!);
        // The draw is the Core's, per (sequence, cart), and recorded on the cart with the version.
        Assert.All(all, c => Assert.Equal((sequenceId, 1, ControlGroup.IsControl(sequenceId, c.Id, 50)), (c.SequenceId, c.SequenceVersion, c.InControlGroup)));
        var held = all.Where(c => c.InControlGroup).ToList();
        var treated = all.Where(c => !c.InControlGroup).ToList();
        Assert.True(held.Count >= 3, $"{held.Count} of 24 held out");
        Assert.NotEmpty(treated);

        // A late update of a held-out cart, and a newer cart of another held-out shopper replacing theirs.
        _drive.Advance(TimeSpan.FromSeconds(30));
        await _drive.ReportCartAsync(store, held[0].ExternalId, $"shopper{held[0].ExternalId[1..]}@example.com", _app.Time.GetUtcNow(),
            new CartLine("Trail Socks", 2, 1500, "p9", "v9", "ALP-SOCK", "Size M", "http://localhost/demo/images/ALP-SOCK.svg"));
        var replaced = held[^1];
        await _drive.ReportCartAsync(store, "newer", $"shopper{replaced.ExternalId[1..]}@example.com", _app.Time.GetUtcNow());
        Assert.Equal(CartStatus.Expired, (await _drive.CartAsync(store, replaced.ExternalId))!.Status);
        for (var round = 0; round < 4; round++)
        {
            _drive.Advance(TimeSpan.FromMinutes(5));
            await _drive.DispatchAsync();
        }

        var messages = _app.Service<IMessageRepository>();
        var carts = _app.Service<ICartRepository>();
        foreach (var cart in held)
        {
            Assert.Empty(await messages.ListForCartAsync(cart.Id, _drive.Ct));
            Assert.Empty(EmailsOf(cart));
            var timeline = await carts.GetTimelineAsync(cart.Id, _drive.Ct);
            Assert.Contains(timeline, e => e.Entry?.Code == TimelineCodes.HeldOut && e.Detail.StartsWith("Held out of sequence 'Held out'", StringComparison.Ordinal));
            Assert.True((await carts.GetAsync(cart.Id, _drive.Ct))!.InControlGroup);
        }
        Assert.All(treated, c => Assert.Equal(2, EmailsOf(c).Length));

        // Its later order is an unassisted conversion, and it stays in the control group.
        var order = await _app.Service<CartIngestion>().ReportOrderAsync(
            new OrderReport(store.Id, held[1].ExternalId, "o-1", 18900, _app.Time.GetUtcNow()), _drive.Ct);
        Assert.Equal(OrderOutcome.ConvertedUnassisted, order);
    }

    [Fact]
    public async Task Dispatcher_ClaimsAMessageOfAHeldOutCart_CancelsItUnsent()
    {
        var store = await _app.DemoStoreAsync();
        var sequenceId = await CreateSequenceAsync(store, 0);
        await _drive.ReportCartAsync(store, "late-draw");
        _drive.Advance(store.AbandonAfter + TimeSpan.FromSeconds(1));
        await _drive.DetectAsync();
        var cart = (await _drive.CartAsync(store, "late-draw"))!;
        // However a message of a held-out cart came to be (a row from before the draw, a repair by hand), the claim stops it.
        await _app.Service<ICartRepository>().RecordSequenceAsync(cart.Id, sequenceId, 1, controlGroup: true, _drive.Ct);

        _drive.Advance(TimeSpan.FromMinutes(20));
        var summary = await _drive.DispatchAsync();

        Assert.Equal(0, summary.Sent);
        Assert.Empty(EmailsOf(cart));
        Assert.All(await _app.Service<IMessageRepository>().ListForCartAsync(cart.Id, _drive.Ct), m => Assert.Equal(MessageStatus.Cancelled, m.Status));
        var timeline = await _app.Service<ICartRepository>().GetTimelineAsync(cart.Id, _drive.Ct);
        Assert.Contains(timeline, e => e.Detail.EndsWith("the cart is in the sequence's control group", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Results_BelowTheMinimumPerGroup_SayNotEnoughDataWithTheMinimum()
    {
        var store = await _app.DemoStoreAsync();
        var sequenceId = await CreateSequenceAsync(store, 50);
        for (var i = 0; i < 10; i++)
            await _drive.ReportCartAsync(store, $"few{i}", $"few{i}@example.com");
        _drive.Advance(store.AbandonAfter + TimeSpan.FromSeconds(1));
        await _drive.DetectAsync();

        var incremental = (await JsonAsync(await _api.GetAsync($"/api/stores/{store.Id}/sequences/{sequenceId}/results", _drive.Ct), HttpStatusCode.OK))
            .GetProperty("incremental");

        Assert.Equal(("not-enough-data", 100, 50, store.Currency), (incremental.GetProperty("status").GetString(),
            incremental.GetProperty("minCartsPerGroup").GetInt32(), incremental.GetProperty("holdOutPercent").GetInt32(), incremental.GetProperty("currency").GetString()));
        Assert.Equal(10, incremental.GetProperty("treated").GetProperty("carts").GetInt64() + incremental.GetProperty("control").GetProperty("carts").GetInt64());
        Assert.Equal(JsonValueKind.Null, incremental.GetProperty("conversionRateLift").ValueKind);
        Assert.Equal(JsonValueKind.Null, incremental.GetProperty("incrementalRevenueMinor").ValueKind);
    }

    [Fact]
    public async Task Results_WithEnoughCartsInBothGroups_GiveTheLiftWithIntervals()
    {
        var store = await _app.DemoStoreAsync();
        var sequenceId = await CreateSequenceAsync(store, 50);
        var (treatedCount, controlCount) = await ControlGroupHistory.SeedAsync(_app, store, sequenceId, 50, 400, _drive.Ct);

        var incremental = (await JsonAsync(await _api.GetAsync($"/api/stores/{store.Id}/sequences/{sequenceId}/results", _drive.Ct), HttpStatusCode.OK))
            .GetProperty("incremental");

        Assert.Equal("estimated", incremental.GetProperty("status").GetString());
        Assert.Equal((treatedCount, controlCount), ((int)incremental.GetProperty("treated").GetProperty("carts").GetInt64(),
            (int)incremental.GetProperty("control").GetProperty("carts").GetInt64()));
        var treatedRate = incremental.GetProperty("treated").GetProperty("conversionRate").GetDouble();
        var controlRate = incremental.GetProperty("control").GetProperty("conversionRate").GetDouble();
        var rateLift = incremental.GetProperty("conversionRateLift");
        Assert.Equal(treatedRate - controlRate, rateLift.GetProperty("estimate").GetDouble(), 9);
        Assert.True(rateLift.GetProperty("positive").GetBoolean());
        Assert.True(rateLift.GetProperty("low").GetDouble() < rateLift.GetProperty("estimate").GetDouble());
        var revenue = incremental.GetProperty("incrementalRevenueMinor");
        Assert.Equal((treatedRate - controlRate) * 10_000 * treatedCount, revenue.GetProperty("estimate").GetDouble(), 3);
        Assert.True(revenue.GetProperty("low").GetDouble() > 0);
    }

    [Fact]
    public async Task Results_OfASequenceThatNeverHeldOut_SayOff()
    {
        var store = await _app.DemoStoreAsync();
        var sequenceId = await CreateSequenceAsync(store, 0);

        var incremental = (await JsonAsync(await _api.GetAsync($"/api/stores/{store.Id}/sequences/{sequenceId}/results", _drive.Ct), HttpStatusCode.OK))
            .GetProperty("incremental");

        Assert.Equal(("off", JsonValueKind.Null), (incremental.GetProperty("status").GetString(), incremental.GetProperty("treated").ValueKind));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(51)]
    public async Task Post_HoldOutOutsideZeroToFifty_Is400OnTheFieldAndSavesNothing(int percent)
    {
        var store = await _app.DemoStoreAsync();

        var problem = await JsonAsync(await _api.PostAsJsonAsync($"/api/stores/{store.Id}/sequences", TwoEmails(percent), _drive.Ct), HttpStatusCode.BadRequest);

        Assert.Equal(["holdOutPercent must be 0 to 50"], problem.GetProperty("errors").GetProperty("holdOutPercent").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(await _app.Service<ISequenceRepository>().ListAsync(store.Id, _drive.Ct));
    }

    [Fact]
    public async Task Put_NewHoldOut_AddsAVersion_AndEachVersionKeepsItsOwn()
    {
        var store = await _app.DemoStoreAsync();
        var sequenceId = await CreateSequenceAsync(store, 10);

        await JsonAsync(await _api.PutAsJsonAsync($"/api/stores/{store.Id}/sequences/{sequenceId}", TwoEmails(20), _drive.Ct), HttpStatusCode.OK);

        var versions = await JsonAsync(await _api.GetAsync($"/api/stores/{store.Id}/sequences/{sequenceId}/versions", _drive.Ct), HttpStatusCode.OK);
        Assert.Equal([10, 20], versions.EnumerateArray().Select(v => v.GetProperty("holdOutPercent").GetInt32()));
    }
}
