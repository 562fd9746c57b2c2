using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Restore;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Tasks;
using MimeKit;

namespace CartRecovery.Web.Tests.Features.Reasons;

/// <summary>
/// "Why did you leave?" through the real host on SQLite: the standard sequence's first email (1 h) carries the reason
/// links, a click records the cart's first reason and the sequence answers it (step 2's offer at 24 h, the task at 48 h).
/// </summary>
public sealed class ReasonLinkTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private readonly RecoveryDriver _drive;

    public ReasonLinkTests() => _drive = new RecoveryDriver(_app);

    public void Dispose() => _app.Dispose();

    private async Task<(Cart Cart, MimeMessage Email)> FirstEmailAsync(string externalId)
    {
        var demo = await _app.DemoStoreAsync();
        var store = await _app.Service<IStoreRepository>().UpsertAsync(demo with { Sequence = SequencePresets.Standard.Name }, _drive.Ct);
        await _app.Service<IStorePolicyRepository>().SaveAsync(store.Id, new SendingPolicy { FrequencyCap = FrequencyCap.Off }, _app.Time.GetUtcNow(), _drive.Ct);
        return await _drive.AbandonAndSendFirstStepAsync(store, externalId);
    }

    /// <summary>A person's click: the browser marks a navigation the user started with <c>Sec-Fetch-User: ?1</c>.</summary>
    private Task<HttpResponseMessage> ClickAsync(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Sec-Fetch-User", "?1");
        return _app.BrowserClient().SendAsync(request, _drive.Ct);
    }

    private Task<IReadOnlyList<OutboundMessage>> MessagesAsync(Cart cart) => _app.Service<IMessageRepository>().ListForCartAsync(cart.Id, _drive.Ct);

    private Task<LeaveReason?> ReasonAsync(Cart cart) => _app.Service<ILeaveReasonRepository>().GetAsync(cart.Id, _drive.Ct);

    [Fact]
    public async Task FirstEmail_CarriesOneLinkPerReason_AndTheOfferEmailNone()
    {
        var (cart, email) = await FirstEmailAsync("chk-links");

        var html = email.HtmlBody ?? "";
        Assert.All(LeaveReasonSlugs.All, r => Assert.Contains($"?r={LeaveReasonSlugs.Slug(r)}\"", html, StringComparison.Ordinal));
        Assert.Contains("Tell us why with one click", html, StringComparison.Ordinal);
        Assert.Contains("/why/", email.TextBody, StringComparison.Ordinal);

        _drive.Advance(TimeSpan.FromHours(24));
        await _drive.DispatchAsync();
        var second = _drive.EmailsOf(cart)[^1];
        Assert.NotEqual(email.MessageId, second.MessageId);
        Assert.DoesNotContain("/why/", second.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Click_ByAPerson_RecordsTheReason_AndThanksWithTheRestoreButton()
    {
        var (cart, email) = await FirstEmailAsync("chk-thanks");

        var response = await ClickAsync(RecoveryDriver.ReasonPath(email, "time"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(_drive.Ct);
        Assert.Contains("Thanks for telling us", html, StringComparison.Ordinal);
        Assert.Contains("You said: I need more time.", html, StringComparison.Ordinal);
        Assert.Matches("<a class=\"button\" href=\"http://localhost/r/[A-Za-z0-9_-]+\">Return to your cart</a>", html);
        Assert.Equal(LeaveReason.NeededMoreTime, await ReasonAsync(cart));
        var timeline = await _app.Service<ICartRepository>().GetTimelineAsync(cart.Id, _drive.Ct);
        Assert.Contains(timeline, e => e.Kind == CartEventKinds.ReasonGiven
            && e.Detail == "The customer said why they left: needed more time. The sequence continues as planned");
    }

    [Fact]
    public async Task Get_WithoutAPersonsClick_OnlyAsks_AndThePostRecords()
    {
        var (cart, email) = await FirstEmailAsync("chk-scanner");
        var path = RecoveryDriver.ReasonPath(email, "looking");

        var asked = await _app.BrowserClient().GetAsync(path, _drive.Ct);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Send my answer", await asked.Content.ReadAsStringAsync(_drive.Ct), StringComparison.Ordinal);
        Assert.Null(await ReasonAsync(cart));
        Assert.All((await MessagesAsync(cart)).Skip(1), m => Assert.Equal(MessageStatus.Pending, m.Status));

        var posted = await _app.BrowserClient().PostAsync(path, null, _drive.Ct);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(LeaveReason.JustLooking, await ReasonAsync(cart));
    }

    [Fact]
    public async Task Click_WhenTheTokenIsForgedAlteredOrForAnotherPurpose_ShowsAFriendlyPage_AndRecordsNothing()
    {
        var (cart, email) = await FirstEmailAsync("chk-forged");
        var path = RecoveryDriver.ReasonPath(email, "looking");
        var token = path["/why/".Length..path.IndexOf('?', StringComparison.Ordinal)];
        var altered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        var restoreToken = RecoveryDriver.RestorePath(email)["/r/".Length..];

        foreach (var forged in new[] { $"/why/{altered}?r=looking", $"/why/{restoreToken}?r=looking", "/why/garbage?r=looking", $"/why/{token}?r=nonsense", $"/why/{token}" })
        {
            var response = await ClickAsync(forged);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("couldn't find that link", await response.Content.ReadAsStringAsync(_drive.Ct), StringComparison.Ordinal);
        }

        Assert.Null(await ReasonAsync(cart));
        Assert.All((await MessagesAsync(cart)).Skip(1), m => Assert.Equal(MessageStatus.Pending, m.Status));
    }

    [Fact]
    public async Task Click_WhenTheLinkExpired_ShowsTheShopsPageWith410_AndRecordsNothing()
    {
        var (cart, email) = await FirstEmailAsync("chk-expired");
        _drive.Advance(TimeSpan.FromDays(31));

        var response = await ClickAsync(RecoveryDriver.ReasonPath(email, "looking"));

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(_drive.Ct);
        Assert.Contains("This link has expired", html, StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost/demo/\"", html, StringComparison.Ordinal);
        Assert.Null(await ReasonAsync(cart));
    }

    [Fact]
    public async Task SecondClickAndReplay_ChangeNothingMore()
    {
        var (cart, email) = await FirstEmailAsync("chk-twice");
        Assert.Equal(HttpStatusCode.OK, (await ClickAsync(RecoveryDriver.ReasonPath(email, "payment"))).StatusCode);

        var second = await ClickAsync(RecoveryDriver.ReasonPath(email, "looking"));
        var replay = await _app.BrowserClient().PostAsync(RecoveryDriver.ReasonPath(email, "payment"), null, _drive.Ct);

        Assert.Contains("You had already told us why", await second.Content.ReadAsStringAsync(_drive.Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(LeaveReason.PaymentProblem, await ReasonAsync(cart));
        // The payment answer replaced the sequence's later task with one now; the emails still stand.
        Assert.All((await MessagesAsync(cart)).Skip(1), m => Assert.Equal(m.Kind == StepKind.FollowUpTask ? MessageStatus.Cancelled : MessageStatus.Pending, m.Status));
        Assert.Single(await _app.Service<IFollowUpTaskRepository>().ListAsync(cart.StoreId, null, null, _drive.Ct), t => t.CartId == cart.Id);
        Assert.Single(await _app.Service<ICartRepository>().GetTimelineAsync(cart.Id, _drive.Ct), e => e.Kind == CartEventKinds.ReasonGiven);
    }

    [Fact]
    public async Task ShippingCost_TheNextEmailOffersFreeShipping()
    {
        var (cart, email) = await FirstEmailAsync("chk-shipping");
        await ClickAsync(RecoveryDriver.ReasonPath(email, "shipping"));

        _drive.Advance(TimeSpan.FromHours(24));
        await _drive.DispatchAsync();

        var offerStep = (await MessagesAsync(cart)).Single(m => m.Step == 2);
        Assert.Equal(MessageStatus.Sent, offerStep.Status);
        Assert.Equal(OfferKind.FreeShipping, offerStep.Offer?.Kind);
        Assert.Contains("free shipping", _drive.EmailsOf(cart)[^1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TotalPrice_TheOfferComesWithinHalfAnHour_InsteadOfAtADay()
    {
        var (cart, email) = await FirstEmailAsync("chk-price");
        await ClickAsync(RecoveryDriver.ReasonPath(email, "price"));

        _drive.Advance(ReasonBranching.OfferSoonest + TimeSpan.FromSeconds(1));
        await _drive.DispatchAsync();

        var offerStep = (await MessagesAsync(cart)).Single(m => m.Step == 2);
        Assert.Equal(MessageStatus.Sent, offerStep.Status);
        Assert.NotNull(offerStep.OfferCode);
    }

    [Fact]
    public async Task PaymentProblem_CreatesAnOpenTaskAtOnce()
    {
        var (cart, email) = await FirstEmailAsync("chk-payment");

        await ClickAsync(RecoveryDriver.ReasonPath(email, "payment"));

        var task = Assert.Single(await _app.Service<IFollowUpTaskRepository>().ListAsync(cart.StoreId, FollowUpTaskStatus.Open, null, _drive.Ct));
        Assert.Equal(cart.Id, task.CartId);
        Assert.StartsWith("Payment problem:", task.Summary, StringComparison.Ordinal);
        // The sequence's own task at 48 h does not follow: one call, not two.
        _drive.Advance(TimeSpan.FromDays(3));
        await _drive.DispatchAsync();
        Assert.Single(await _app.Service<IFollowUpTaskRepository>().ListAsync(cart.StoreId, null, null, _drive.Ct), t => t.CartId == cart.Id);
    }

    [Fact]
    public async Task JustLooking_StopsTheSequence()
    {
        var (cart, email) = await FirstEmailAsync("chk-looking");

        await ClickAsync(RecoveryDriver.ReasonPath(email, "looking"));
        _drive.Advance(TimeSpan.FromDays(3));
        await _drive.DispatchAsync();

        Assert.All((await MessagesAsync(cart)).Skip(1), m => Assert.Equal(MessageStatus.Cancelled, m.Status));
        Assert.Single(_drive.EmailsOf(cart));
        Assert.Empty(await _app.Service<IFollowUpTaskRepository>().ListAsync(cart.StoreId, null, null, _drive.Ct));
    }

    [Fact]
    public async Task PaymentProblem_OnACartThatIsClosed_IsRecorded_ButCallsNobody()
    {
        var (cart, email) = await FirstEmailAsync("chk-closed");
        Assert.True(await _app.Service<ICartRepository>().CloseAsync(cart.Id, CartStatus.Expired, TimelineEntry.Of(TimelineCodes.TooOld), _app.Time.GetUtcNow(), _drive.Ct));

        var response = await ClickAsync(RecoveryDriver.ReasonPath(email, "payment"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LeaveReason.PaymentProblem, await ReasonAsync(cart));
        Assert.Empty(await _app.Service<IFollowUpTaskRepository>().ListAsync(cart.StoreId, null, null, _drive.Ct));
        Assert.Contains(await _app.Service<ICartRepository>().GetTimelineAsync(cart.Id, _drive.Ct), e => e.Kind == CartEventKinds.ReasonGiven
            && e.Detail == "The customer said why they left: a problem with payment. Nothing changes: the cart is Expired");
    }

    [Fact]
    public async Task Links_AreRateLimitedPerAddress()
    {
        var browser = _app.BrowserClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
            answers.Add((await browser.GetAsync("/why/garbage?r=shipping", _drive.Ct)).StatusCode);

        Assert.All(answers.Take(20), a => Assert.Equal(HttpStatusCode.NotFound, a));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
    }

    [Fact]
    public async Task ReasonsApi_CountsTheStoresCartsPerReason_EveryReasonListed()
    {
        var (first, email) = await FirstEmailAsync("chk-api-1");
        await ClickAsync(RecoveryDriver.ReasonPath(email, "shipping"));
        var (_, other) = await _drive.AbandonAndSendFirstStepAsync((await _app.Service<IStoreRepository>().GetAsync(first.StoreId, _drive.Ct))!, "chk-api-2", "bo@example.com");
        await ClickAsync(RecoveryDriver.ReasonPath(other, "looking"));
        var admin = _app.AdminClient();

        var body = await admin.GetFromJsonAsync<JsonElement>($"/api/stores/{first.StoreId}/reasons?days=7", _drive.Ct);

        Assert.Equal(2, body.GetProperty("total").GetInt64());
        var counts = body.GetProperty("reasons").EnumerateArray().ToDictionary(r => r.GetProperty("reason").GetString()!, r => r.GetProperty("carts").GetInt64());
        Assert.Equal(LeaveReasonSlugs.All.Select(LeaveReasonSlugs.Slug), counts.Keys);
        Assert.Equal(1, counts["shipping"]);
        Assert.Equal(1, counts["looking"]);
        Assert.Equal(0, counts["price"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/stores/{first.StoreId}/reasons?days=0", _drive.Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/stores/987654/reasons", _drive.Ct)).StatusCode);
    }
}
