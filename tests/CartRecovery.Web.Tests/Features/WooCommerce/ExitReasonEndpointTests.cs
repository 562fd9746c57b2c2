using System.Net;
using System.Text;
using System.Text.Json;
using CartRecovery.Connectors.WooCommerce.Capture;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Tasks;

namespace CartRecovery.Web.Tests.Features.WooCommerce;

/// <summary>
/// <c>POST /capture/{key}/reason</c>, the capture script's exit question, on the real host: the store's own origin only,
/// only when the merchant switched it on, validated strictly; the reason goes through the same use case as the first
/// email's links, so the sequence answers it (at once for an abandoned cart, at enrolment for one still active).
/// </summary>
public sealed class ExitReasonEndpointTests : IAsyncLifetime
{
    private const string CartId = "cr-exit-12345678";

    private WooCommerceHost _host = null!;
    private Store _store = null!;
    private RecoveryDriver _drive = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await WooCommerceHost.StartAsync();
        _store = (await _host.ConnectAsync()).Store!;
        _store = await _host.App.Service<IStoreRepository>().UpsertAsync(_store with { Sequence = SequencePresets.Standard.Name }, Ct);
        await _host.App.Service<IStorePolicyRepository>().SaveAsync(_store.Id, new SendingPolicy { FrequencyCap = FrequencyCap.Off }, _host.App.Time.GetUtcNow(), Ct);
        _drive = new RecoveryDriver(_host.App);
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static CancellationToken Ct => WooCommerceHost.Ct;

    private string Origin => new Uri(_store.StorefrontUrl).GetLeftPart(UriPartial.Authority);

    private Task SwitchAsync(bool on) => _host.App.Service<WooCommerceExitQuestion>().SetAsync(_store.Id, on, Ct);

    private async Task<HttpResponseMessage> PostAsync(string path, string body, string? origin)
    {
        using var client = new HttpClient { BaseAddress = _host.BaseUrl };
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        return await client.SendAsync(request, Ct);
    }

    private Task<HttpResponseMessage> ReasonAsync(string reason, string cartId = CartId, string? origin = "") =>
        PostAsync($"/capture/{_store.PublicKey}/reason", JsonSerializer.Serialize(new { cart_id = cartId, reason }), origin == "" ? Origin : origin);

    /// <summary>The script's capture post: the shopper typed an email and consented.</summary>
    private async Task<Cart> CaptureAsync()
    {
        var body = JsonSerializer.Serialize(new
        {
            cart_id = CartId, email = "lea@example.com", consent = true, currency = "EUR",
            items = new[] { new { product_id = 7701, quantity = 1, name = "Trail Boots", price = 145.0 } },
        });
        Assert.Equal(HttpStatusCode.OK, (await PostAsync($"/capture/{_store.PublicKey}", body, Origin)).StatusCode);
        return (await CartAsync())!;
    }

    private Task<Cart?> CartAsync() => _host.App.Service<ICartRepository>().FindAsync(_store.Id, CapturedCartMapper.ExternalIdPrefix + CartId, Ct);

    private Task<LeaveReason?> RecordedAsync(Cart cart) => _host.App.Service<ILeaveReasonRepository>().GetAsync(cart.Id, Ct);

    private Task<IReadOnlyList<OutboundMessage>> MessagesAsync(Cart cart) => _host.App.Service<IMessageRepository>().ListForCartAsync(cart.Id, Ct);

    /// <summary>Past the store's cut-off, the detector abandons the cart and plans the standard sequence's steps.</summary>
    private async Task AbandonAsync()
    {
        _drive.Advance(_store.AbandonAfter + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await _drive.DetectAsync());
    }

    [Fact]
    public async Task Reason_WhenOn_ForACartNotAbandonedYet_IsRecorded_AndTheSequenceAnswersItAtEnrolment()
    {
        await SwitchAsync(true);
        var cart = await CaptureAsync();

        var response = await ReasonAsync("looking");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Origin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal(LeaveReason.JustLooking, await RecordedAsync(cart));
        await AbandonAsync();
        var messages = await MessagesAsync(cart);
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.Equal(MessageStatus.Cancelled, m.Status));
        var timeline = await _host.App.Service<ICartRepository>().GetTimelineAsync(cart.Id, Ct);
        Assert.Contains(timeline, e => e.Detail == "The customer said why they left: just looking. The sequence will answer it when the cart is abandoned");
        Assert.Contains(timeline, e => e.Detail == "The sequence answers the reason the customer gave before leaving (just looking). The sequence stopped: the customer was just looking");
        var counts = await _host.App.Service<ILeaveReasonRepository>().CountAsync(_store.Id, _host.App.Time.GetUtcNow().AddDays(-1), _host.App.Time.GetUtcNow(), Ct);
        Assert.Equal(new ReasonCount(LeaveReason.JustLooking, 1), Assert.Single(counts));
    }

    [Fact]
    public async Task Reason_WhenOn_ForAnAbandonedCart_BranchesAtOnce_LikeTheEmailsLink()
    {
        await SwitchAsync(true);
        var cart = await CaptureAsync();
        await AbandonAsync();

        var response = await ReasonAsync("payment");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(LeaveReason.PaymentProblem, await RecordedAsync(cart));
        var tasks = await _host.App.Service<IFollowUpTaskRepository>().ListAsync(_store.Id, null, null, Ct);
        Assert.StartsWith("Payment problem: help lea@example.com", Assert.Single(tasks, t => t.CartId == cart.Id).Summary, StringComparison.Ordinal);
        // The sequence's own later task is replaced by the one created now; its emails go on.
        var messages = await MessagesAsync(cart);
        Assert.All(messages.Where(m => m.Kind == StepKind.FollowUpTask), m => Assert.Equal(MessageStatus.Cancelled, m.Status));
        Assert.Contains(messages, m => m.Kind == StepKind.Email && m.Status == MessageStatus.Pending);
    }

    [Fact]
    public async Task Reason_GivenTwiceOrReplayed_HasASingleEffect_TheFirstWins()
    {
        await SwitchAsync(true);
        var cart = await CaptureAsync();
        await AbandonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await ReasonAsync("time")).StatusCode);
        var before = await MessagesAsync(cart);

        Assert.Equal(HttpStatusCode.NoContent, (await ReasonAsync("time")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await ReasonAsync("looking")).StatusCode);

        Assert.Equal(LeaveReason.NeededMoreTime, await RecordedAsync(cart));
        Assert.Equal(before.Select(m => (m.Id, m.Status, m.DueAt)), (await MessagesAsync(cart)).Select(m => (m.Id, m.Status, m.DueAt)));
        var timeline = await _host.App.Service<ICartRepository>().GetTimelineAsync(cart.Id, Ct);
        Assert.Single(timeline, e => e.Kind == CartEventKinds.ReasonGiven);
    }

    [Fact]
    public async Task Reason_WhenTheStoreDidNotSwitchItOn_Is403ProblemAndChangesNothing()
    {
        var cart = await CaptureAsync();

        var response = await ReasonAsync("looking");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Exit question off", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Null(await RecordedAsync(cart));

        // Switched on, then off again: off is off.
        await SwitchAsync(true);
        await SwitchAsync(false);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReasonAsync("looking")).StatusCode);
        Assert.Null(await RecordedAsync(cart));
    }

    [Fact]
    public async Task Reason_ForAnUnknownCart_IsAnsweredLikeAnyOther_AndRecordsNothing()
    {
        await SwitchAsync(true);
        var cart = await CaptureAsync();

        var response = await ReasonAsync("looking", cartId: "cr-nobody-87654321");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(await RecordedAsync(cart));
        Assert.Empty(await _host.App.Service<ILeaveReasonRepository>().CountAsync(_store.Id, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, Ct));
    }

    [Fact]
    public async Task Reason_ForAnotherStoresCartId_ChangesNothingThere()
    {
        await SwitchAsync(true);
        // Another store holds a captured cart whose script id a shopper of this store sends.
        var demo = await _host.App.DemoStoreAsync();
        await _drive.ReportCartAsync(demo, CapturedCartMapper.ExternalIdPrefix + CartId);
        var theirs = (await _host.App.Service<ICartRepository>().FindAsync(demo.Id, CapturedCartMapper.ExternalIdPrefix + CartId, Ct))!;

        var response = await ReasonAsync("looking");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(await RecordedAsync(theirs));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData(null)]
    public async Task Reason_FromAForeignOrigin_Is403AndChangesNothing(string? origin)
    {
        await SwitchAsync(true);
        var cart = await CaptureAsync();

        var response = await ReasonAsync("looking", origin: origin);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Null(await RecordedAsync(cart));
    }

    [Theory]
    [InlineData("{not json", "body")]
    [InlineData("[]", "body")]
    [InlineData("""{"cart_id":"cr-exit-12345678"}""", "reason")]
    [InlineData("""{"cart_id":"cr-exit-12345678","reason":"Shipping"}""", "reason")]
    [InlineData("""{"cart_id":"cr-exit-12345678","reason":3}""", "reason")]
    [InlineData("""{"reason":"looking"}""", "cart_id")]
    [InlineData("""{"cart_id":"cr-exit 1234567","reason":"looking"}""", "cart_id")]
    [InlineData("""{"cart_id":"short","reason":"looking"}""", "cart_id")]
    [InlineData("""{"cart_id":"cr-exit-12345678","reason":"looking","email":"lea@example.com"}""", "email")]
    public async Task Reason_WithBadInput_Is400NamingTheFieldAndChangesNothing(string body, string field)
    {
        await SwitchAsync(true);
        var cart = await CaptureAsync();

        var response = await PostAsync($"/capture/{_store.PublicKey}/reason", body, Origin);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Null(await RecordedAsync(cart));
    }

    [Fact]
    public async Task Reason_WithAnOversizedBody_Is413()
    {
        await SwitchAsync(true);

        var response = await ReasonAsync(new string('x', 2000));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Script_SaysWhetherToAsk_InTheStoresWords()
    {
        using var client = new HttpClient { BaseAddress = _host.BaseUrl };
        var off = await client.GetStringAsync($"/capture/{_store.PublicKey}/script.js", Ct);
        await SwitchAsync(true);
        var on = await client.GetStringAsync($"/capture/{_store.PublicKey}/script.js", Ct);

        Assert.Contains("var ask = null;", off, StringComparison.Ordinal);
        var config = System.Text.RegularExpressions.Regex.Match(on, "var ask = (\\{.*\\});").Groups[1].Value;
        using var ask = JsonDocument.Parse(config);
        Assert.Equal("Before you go — what stopped you?", ask.RootElement.GetProperty("en").GetProperty("title").GetString());
        Assert.Equal("Avant de partir\u00a0: qu'est-ce qui vous a retenu\u00a0?", ask.RootElement.GetProperty("fr").GetProperty("title").GetString());
        Assert.Equal(LeaveReasonSlugs.All.Select(r => (LeaveReasonSlugs.Slug(r), LeaveReasonWords.Label(r, "fr"))),
            ask.RootElement.GetProperty("fr").GetProperty("reasons").EnumerateArray().Select(e => (e.GetProperty("r").GetString()!, e.GetProperty("label").GetString()!)));
    }
}
