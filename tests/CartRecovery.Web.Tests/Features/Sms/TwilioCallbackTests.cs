using CartRecovery.Core.Messages;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;
using CartRecovery.Data.Connections;
using CartRecovery.Sms.Twilio;
using CartRecovery.Testing.Emulators.Twilio;
using Dapper;

namespace CartRecovery.Web.Tests.Features.Sms;

/// <summary>
/// Twilio's status callbacks and incoming texts through the real host on loopback, posted by the Twilio emulator with
/// valid (or forged) <c>X-Twilio-Signature</c> headers.
/// </summary>
public sealed class TwilioCallbackTests : IAsyncLifetime
{
    private const string Customer = "+33612345678";
    private const string Sender = "+33757000000";
    private TwilioEmulator _twilio = null!;
    private CartRecoveryAppFactory _app = null!;
    private RecoveryDriver _drive = null!;
    private Uri _baseUrl = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _twilio = await TwilioEmulator.StartAsync(Ct);
        var port = CartRecoveryAppFactory.FreePort();
        _baseUrl = new Uri($"http://127.0.0.1:{port}/");
        _app = new CartRecoveryAppFactory(kestrelPort: port, settings: new Dictionary<string, string?>
        {
            ["Recovery:PublicBaseUrl"] = _baseUrl.AbsoluteUri,
            ["Twilio:AccountSid"] = TwilioEmulator.AccountSid,
            ["Twilio:AuthToken"] = TwilioEmulator.AuthToken,
            ["Twilio:BaseUrl"] = _twilio.BaseUrl.AbsoluteUri,
            ["Twilio:StatusCallbackUrl"] = new Uri(_baseUrl, "sms/twilio/status").AbsoluteUri,
        });
        _app.StartServer();
        _drive = new RecoveryDriver(_app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _twilio.DisposeAsync();
    }

    private IMessageRepository Messages => _app.Service<IMessageRepository>();

    /// <summary>
    /// A cart's first step made a text and sent through Twilio (the emulator), recorded as sent with its SID, as the
    /// dispatcher does: the status callback Twilio will call carries the message's id.
    /// </summary>
    private async Task<(OutboundMessage Message, string Sid)> SendTextAsync(string externalId)
    {
        var store = await _app.DemoStoreAsync();
        await _drive.ReportCartAsync(store, externalId, "ana@example.com");
        _drive.Advance(TimeSpan.FromSeconds(11));
        await _drive.DetectAsync();
        var cart = (await _drive.CartAsync(store, externalId))!;
        var planned = (await Messages.ListForCartAsync(cart.Id, Ct))[0];
        await using (var db = await _app.Service<IDbConnectionFactory>().OpenAsync(Ct))
            await db.ExecuteAsync("UPDATE messages SET kind = @Sms, due_at = 0 WHERE id = @Id", new { Sms = (int)Core.Sequences.StepKind.Sms, planned.Id });
        var claimed = Assert.Single(await Messages.ClaimDueAsync("test", _app.Time.GetUtcNow(), TimeSpan.FromMinutes(5), 10, Ct), m => m.Id == planned.Id);

        var options = _app.Service<Microsoft.Extensions.Options.IOptions<TwilioOptions>>().Value;
        using var http = TwilioSmsTransport.CreateHttpClient(options);
        var receipt = await new TwilioSmsTransport(http, options).SendAsync(
            new SmsMessage(claimed.Id, store.Id, Customer, "Alpine & Co.: your cart is waiting. STOP au 36173", null, Sender), Ct);
        Assert.True(await Messages.MarkSentAsync(claimed.Id, "test", Customer, receipt.ProviderMessageId, _app.Time.GetUtcNow(), Ct));
        return ((await Messages.GetAsync(claimed.Id, Ct))!, receipt.ProviderMessageId);
    }

    [Fact]
    public async Task StatusCallback_SentThenDelivered_RecordsTheStatusAndTheDeliveryTime()
    {
        var (message, sid) = await SendTextAsync("chk-sms-1");

        Assert.Equal(204, await _twilio.DeliverStatusAsync(sid, "sent"));
        Assert.Equal("sent", (await Messages.GetAsync(message.Id, Ct))!.ProviderStatus);
        _drive.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(204, await _twilio.DeliverStatusAsync(sid, "delivered"));

        var delivered = (await Messages.GetAsync(message.Id, Ct))!;
        Assert.Equal("delivered", delivered.ProviderStatus);
        Assert.Equal(_app.Time.GetUtcNow(), delivered.DeliveredAt);
        Assert.Equal(MessageStatus.Sent, delivered.Status);
    }

    [Fact]
    public async Task StatusCallback_DeliveredBeforeSent_KeepsDelivered()
    {
        var (message, sid) = await SendTextAsync("chk-sms-2");

        Assert.Equal(204, await _twilio.DeliverStatusAsync(sid, "delivered"));
        Assert.Equal(204, await _twilio.DeliverStatusAsync(sid, "sent"));
        Assert.Equal(204, await _twilio.DeliverStatusAsync(sid, "queued"));

        var after = (await Messages.GetAsync(message.Id, Ct))!;
        Assert.Equal("delivered", after.ProviderStatus);
        Assert.NotNull(after.DeliveredAt);
    }

    [Fact]
    public async Task StatusCallback_Undelivered_RecordsTheFailureWithTwiliosErrorCode()
    {
        var (message, sid) = await SendTextAsync("chk-sms-3");

        Assert.Equal(204, await _twilio.DeliverStatusAsync(sid, "undelivered", errorCode: 30003));

        var after = (await Messages.GetAsync(message.Id, Ct))!;
        Assert.Equal("undelivered", after.ProviderStatus);
        Assert.Contains("30003", after.LastError, StringComparison.Ordinal);
        Assert.Null(after.DeliveredAt);
    }

    [Fact]
    public async Task StatusCallback_FailedAsUnsubscribed_SuppressesTheNumberForTheStore()
    {
        var (message, sid) = await SendTextAsync("chk-sms-4");

        Assert.Equal(204, await _twilio.DeliverStatusAsync(sid, "failed", errorCode: 21610));

        Assert.True(await _app.Service<ISmsSuppressionList>().IsSuppressedAsync(message.StoreId, Customer, Ct));
    }

    [Fact]
    public async Task StatusCallback_ForgedSignature_Is401AndChangesNothing()
    {
        var (message, sid) = await SendTextAsync("chk-sms-5");
        var forged = TwilioRequestSigner.Sign("not-our-token", new Uri(_baseUrl, "sms/twilio/status").AbsoluteUri, new Dictionary<string, string>());

        Assert.Equal(401, await _twilio.DeliverStatusAsync(sid, "delivered", forgedSignature: forged));
        Assert.Equal(401, await _twilio.DeliverStatusAsync(sid, "failed", errorCode: 21610, forgedSignature: ""));

        var after = (await Messages.GetAsync(message.Id, Ct))!;
        Assert.Null(after.ProviderStatus);
        Assert.Null(after.DeliveredAt);
        Assert.False(await _app.Service<ISmsSuppressionList>().IsSuppressedAsync(message.StoreId, Customer, Ct));
    }

    [Fact]
    public async Task StatusCallback_ForAnotherMessagesSid_LeavesOurMessageAlone()
    {
        var (ours, _) = await SendTextAsync("chk-sms-6");
        // Another text whose (signed) callback names our message id: its provider id is not the one our send recorded.
        var options = _app.Service<Microsoft.Extensions.Options.IOptions<TwilioOptions>>().Value;
        using var http = TwilioSmsTransport.CreateHttpClient(options);
        var other = await new TwilioSmsTransport(http, options).SendAsync(new SmsMessage(ours.Id, 999, "+33698765432", "other", null, Sender), Ct);

        Assert.Equal(204, await _twilio.DeliverStatusAsync(other.ProviderMessageId, "delivered"));

        var after = (await Messages.GetAsync(ours.Id, Ct))!;
        Assert.Null(after.ProviderStatus);
        Assert.Null(after.DeliveredAt);
    }

    [Theory]
    [InlineData("STOP")]
    [InlineData("ARRET")]
    [InlineData(" arrêt ")]
    public async Task Inbound_StopThenStart_SuppressesAtOnceThenLifts(string stop)
    {
        var store = await _app.DemoStoreAsync();
        var inbound = new Uri(_baseUrl, TwilioSmsEndpoints.InboundPath(store.PublicKey!).TrimStart('/'));
        var suppressions = _app.Service<ISmsSuppressionList>();

        Assert.Equal(200, await _twilio.DeliverInboundAsync(inbound, Customer, Sender, stop));
        Assert.True(await suppressions.IsSuppressedAsync(store.Id, Customer, Ct));

        Assert.Equal(200, await _twilio.DeliverInboundAsync(inbound, Customer, Sender, "START"));
        Assert.False(await suppressions.IsSuppressedAsync(store.Id, Customer, Ct));
    }

    [Fact]
    public async Task Inbound_ForgedSignature_Is401AndSuppressesNothing()
    {
        var store = await _app.DemoStoreAsync();
        var inbound = new Uri(_baseUrl, TwilioSmsEndpoints.InboundPath(store.PublicKey!).TrimStart('/'));

        Assert.Equal(401, await _twilio.DeliverInboundAsync(inbound, Customer, Sender, "STOP", forgedSignature: "bm90IGEgc2lnbmF0dXJl"));

        Assert.False(await _app.Service<ISmsSuppressionList>().IsSuppressedAsync(store.Id, Customer, Ct));
    }

    [Theory]
    [InlineData("sms/twilio/status", "delivered")]
    [InlineData("sms/twilio/status?m=abc", "delivered")]
    [InlineData("sms/twilio/status?m=1", "teleported")]
    public async Task StatusCallback_SignedButWithoutOurIdOrAKnownStatus_Is400(string path, string status)
    {
        var url = new Uri(_baseUrl, path);
        var form = new Dictionary<string, string> { ["MessageSid"] = "SM1", ["MessageStatus"] = status };
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioRequestSigner.Sign(TwilioEmulator.AuthToken, url.AbsoluteUri, form));

        using var client = new HttpClient();
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
