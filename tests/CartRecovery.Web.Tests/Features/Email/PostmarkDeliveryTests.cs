using System.Text;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Suppression;
using CartRecovery.Testing.Emulators.Postmark;

namespace CartRecovery.Web.Tests.Features.Email;

/// <summary>The Postmark transport and its events through the real host, against the loopback Postmark emulator.</summary>
public sealed class PostmarkDeliveryTests : IAsyncLifetime
{
    private PostmarkEmulator _postmark = null!;
    private CartRecoveryAppFactory _app = null!;
    private RecoveryDriver _drive = null!;
    private Uri _baseUrl = null!;

    public async ValueTask InitializeAsync()
    {
        _postmark = await PostmarkEmulator.StartAsync(ct: TestContext.Current.CancellationToken);
        _app = CartRecoveryAppFactory.StartOnLoopback(new Dictionary<string, string?>
        {
            ["Email:Transport"] = "postmark",
            ["Postmark:ServerToken"] = PostmarkEmulator.DefaultServerToken,
            ["Postmark:BaseUrl"] = _postmark.BaseUrl.AbsoluteUri,
            ["PostmarkWebhooks:Username"] = "postmark",
            ["PostmarkWebhooks:Password"] = "hook-secret",
        });
        _baseUrl = _app.BaseUrl;
        _drive = new RecoveryDriver(_app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _postmark.DisposeAsync();
    }

    private Uri Hook => new(_baseUrl, "webhooks/postmark");

    private async Task<(Store Store, Cart Cart, PostmarkEmulatorMessage Sent)> SendFirstStepAsync(string email = "ana@example.com")
    {
        var store = await _app.DemoStoreAsync();
        await _drive.ReportCartAsync(store, "chk-pm", email);
        _drive.Advance(TimeSpan.FromSeconds(11));
        await _drive.DetectAsync();
        _drive.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, (await _drive.DispatchAsync()).Sent);
        return (store, (await _drive.CartAsync(store, "chk-pm"))!, Assert.Single(_postmark.Messages));
    }

    [Fact]
    public async Task Send_GoesToPostmarkOnTheBroadcastStreamWithUnsubscribeHeadersTagAndMetadata()
    {
        var (_, cart, sent) = await SendFirstStepAsync();

        Assert.Equal(("broadcast", true), (sent.MessageStream, sent.MessageStreamWasSet));
        Assert.Equal("step-1", sent.Tag);
        Assert.Equal(cart.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), sent.Metadata["cart_id"]);
        Assert.StartsWith($"<{_baseUrl}u/", sent.Header("List-Unsubscribe"), StringComparison.Ordinal);
        Assert.Empty(_app.PickedUpEmails());
        var message = (await _app.Service<IMessageRepository>().ListForCartAsync(cart.Id, _drive.Ct)).Single(m => m.Step == 1);
        Assert.Equal(sent.MessageId, message.ProviderMessageId);
    }

    [Fact]
    public async Task DeliveryOpenAndClickEvents_AreRecordedAndCountInMetrics()
    {
        var (store, _, sent) = await SendFirstStepAsync();

        foreach (var type in new[] { "Delivery", "Open", "Click" })
            Assert.Equal(200, (await _postmark.SendWebhookAsync(Hook, type, sent.MessageId, "postmark", "hook-secret", _drive.Ct)).StatusCode);

        var metrics = await _app.Service<IMetricsQuery>().GetAsync([store.Id], _drive.Ct);
        Assert.Equal((1L, 1L, 1L), (metrics.Delivered, metrics.Opened, metrics.Clicked));
    }

    [Theory]
    [InlineData("Bounce")]
    [InlineData("SpamComplaint")]
    [InlineData("SubscriptionChange")]
    public async Task SuppressingEvents_SuppressTheAddressAndStopTheSequence(string type)
    {
        var (store, cart, sent) = await SendFirstStepAsync();

        Assert.Equal(200, (await _postmark.SendWebhookAsync(Hook, type, sent.MessageId, "postmark", "hook-secret", _drive.Ct)).StatusCode);

        Assert.True(await _app.Service<ISuppressionList>().IsSuppressedAsync(store.Id, "ana@example.com", _drive.Ct));
        Assert.All((await _app.Service<IMessageRepository>().ListForCartAsync(cart.Id, _drive.Ct)).Where(m => m.Step > 1),
            m => Assert.Equal(MessageStatus.Cancelled, m.Status));
        Assert.Equal(CartStatus.OptedOut, (await _drive.CartAsync(store, "chk-pm"))!.Status);
    }

    [Fact]
    public async Task SpamComplaint_ClosesTheCartAndItsOpenFollowUpTask()
    {
        var (cart, task) = await _drive.WalkDemoCartToTaskAsync(await _app.DemoStoreAsync(), "chk-task");

        var response = await _postmark.SendWebhookAsync(Hook, "SpamComplaint", _postmark.Messages[0].MessageId, "postmark", "hook-secret", _drive.Ct);

        Assert.Equal(200, response.StatusCode);
        await _drive.AssertOptedOutAsync(cart, task);
    }

    [Fact]
    public async Task Events_WithBadCredentials_Are401AndChangeNothing()
    {
        var (store, _, sent) = await SendFirstStepAsync();

        var delivery = await _postmark.SendWebhookAsync(Hook, "Bounce", sent.MessageId, "postmark", "wrong", _drive.Ct);
        var anonymous = await _postmark.SendWebhookAsync(Hook, "Bounce", sent.MessageId, ct: _drive.Ct);

        Assert.Equal((401, 401), (delivery.StatusCode, anonymous.StatusCode));
        Assert.False(await _app.Service<ISuppressionList>().IsSuppressedAsync(store.Id, "ana@example.com", _drive.Ct));
    }

    [Fact]
    public async Task Event_WhoseBodyIsNotValidUtf8_Is400()
    {
        var (_, _, sent) = await SendFirstStepAsync();
        var body = Encoding.UTF8.GetBytes($$"""{"RecordType":"Bounce","MessageID":"{{sent.MessageId}}","Email":"ana@example.com","Type":"HardBounce"}""");
        body[body.AsSpan().IndexOf("ana@"u8) + 1] = 0xFF;
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Hook) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("postmark:hook-secret"u8));

        var response = await client.SendAsync(request, _drive.Ct);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Event_ForAnUnknownMessage_IsAcknowledgedAndIgnored()
    {
        await SendFirstStepAsync();
        var payload = PostmarkWebhookPayloads.Delivery(_postmark.Messages[0] with { MessageId = Guid.NewGuid().ToString(), Metadata = new Dictionary<string, string>() },
            DateTimeOffset.UtcNow, 1);

        var response = await _postmark.SendWebhookAsync(Hook, payload, "postmark", "hook-secret", _drive.Ct);

        Assert.Equal(200, response.StatusCode);
    }

    [Fact]
    public async Task InactiveRecipient_IsSuppressedWithoutRetrying()
    {
        _postmark.InactiveRecipients.Add("gone@example.com");
        var store = await _app.DemoStoreAsync();
        await _drive.ReportCartAsync(store, "chk-gone", "gone@example.com");
        _drive.Advance(TimeSpan.FromSeconds(11));
        await _drive.DetectAsync();
        _drive.Advance(TimeSpan.FromSeconds(5));

        var summary = await _drive.DispatchAsync();

        Assert.Equal((0, 1), (summary.Sent, summary.Cancelled));
        Assert.True(await _app.Service<ISuppressionList>().IsSuppressedAsync(store.Id, "gone@example.com", _drive.Ct));
        Assert.Equal(CartStatus.OptedOut, (await _drive.CartAsync(store, "chk-gone"))!.Status);
    }

    [Fact]
    public async Task RejectedServerToken_PausesTheStoresSendingAndKeepsTheMessage()
    {
        _postmark.FailNext(1, 401, 10, "Request does not contain a valid Server token.");
        var store = await _app.DemoStoreAsync();
        await _drive.ReportCartAsync(store, "chk-token");
        _drive.Advance(TimeSpan.FromSeconds(11));
        await _drive.DetectAsync();
        _drive.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(0, (await _drive.DispatchAsync()).Sent);

        var paused = (await _app.Service<IStoreRepository>().GetAsync(store.Id, _drive.Ct))!;
        Assert.NotNull(paused.SendingPausedReason);
        var message = (await _app.Service<IMessageRepository>().ListForCartAsync((await _drive.CartAsync(store, "chk-token"))!.Id, _drive.Ct)).Single(m => m.Step == 1);
        Assert.Equal((MessageStatus.Pending, 0), (message.Status, message.Attempts));
    }

    [Fact]
    public async Task Send_ForAStoreWithItsOwnStream_UsesThatStream()
    {
        var demo = await _app.DemoStoreAsync();
        var store = await _app.Service<IStoreRepository>().UpsertAsync(demo with { MessageStream = "outbound" }, _drive.Ct);
        await _drive.ReportCartAsync(store, "chk-stream");
        _drive.Advance(TimeSpan.FromSeconds(11));
        await _drive.DetectAsync();
        _drive.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(1, (await _drive.DispatchAsync()).Sent);
        Assert.Equal("outbound", Assert.Single(_postmark.Messages).MessageStream);
    }
}
