using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CartRecovery.Email.Postmark.Webhooks;
using CartRecovery.Testing.Emulators.Postmark;

namespace CartRecovery.Email.Tests.Postmark;

/// <summary>The emulator answers raw requests like the real API, and its webhooks read back through our parser.</summary>
public sealed class PostmarkEmulatorTests
{
    private const string ValidMessage = """{ "From": "hello@maple.example.com", "To": "anna@example.com", "Subject": "Hi", "TextBody": "Hello" }""";

    [Theory]
    [InlineData(null, "No Account or Server API tokens")]
    [InlineData("wrong-token", "valid Server token")]
    public async Task Email_WithoutValidToken_Answers401WithErrorCode10(string? token, string expected)
    {
        await using var emulator = await PostmarkEmulator.StartAsync(ct: TestContext.Current.CancellationToken);

        var (status, body) = await PostAsync(emulator, "email", ValidMessage, token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(10, body["ErrorCode"]!.GetValue<int>());
        Assert.Contains(expected, body["Message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(emulator.Messages);
    }

    [Fact]
    public async Task Email_WithoutJsonContentType_Answers415()
    {
        await using var emulator = await PostmarkEmulator.StartAsync(ct: TestContext.Current.CancellationToken);

        var (status, _) = await PostAsync(emulator, "email", ValidMessage, PostmarkEmulator.DefaultServerToken, "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
    }

    [Theory]
    [InlineData("""{ "To": "anna@example.com", "TextBody": "Hello" }""", 300)]
    [InlineData("""{ "From": "hello@maple.example.com", "TextBody": "Hello" }""", 300)]
    [InlineData("""{ "From": "hello@maple.example.com", "To": "anna@example.com" }""", 300)]
    [InlineData("""{ "From": "hello@maple.example.com", "To": "anna@example.com", "TextBody": "Hi", "MessageStream": "nope" }""", 1235)]
    [InlineData("""{ "From": "hello@maple.example.com", "To": "anna@example.com", "TextBody": "Hi", "MessageStream": "inbound" }""", 1236)]
    [InlineData("""{ "From": "hello@maple.example.com", "To": "anna@example.com", "TextBody": "Hi" """, 402)]
    public async Task Email_WithInvalidMessage_Answers422WithTheApiErrorCode(string json, int errorCode)
    {
        await using var emulator = await PostmarkEmulator.StartAsync(ct: TestContext.Current.CancellationToken);

        var (status, body) = await PostAsync(emulator, "email", json, PostmarkEmulator.DefaultServerToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(errorCode, body["ErrorCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Email_WithoutMessageStream_GoesToTheDefaultTransactionalStream()
    {
        await using var emulator = await PostmarkEmulator.StartAsync(ct: TestContext.Current.CancellationToken);

        var (status, body) = await PostAsync(emulator, "email", ValidMessage, PostmarkEmulator.DefaultServerToken);

        Assert.Equal(HttpStatusCode.OK, status);
        var message = Assert.Single(emulator.Messages);
        Assert.Equal(message.MessageId, body["MessageID"]!.GetValue<string>());
        Assert.Equal("outbound", message.MessageStream);
        Assert.False(message.MessageStreamWasSet);
    }

    [Fact]
    public async Task Batch_WithMoreThan500Messages_Answers422WithErrorCode410()
    {
        await using var emulator = await PostmarkEmulator.StartAsync(ct: TestContext.Current.CancellationToken);
        var batch = "[" + string.Join(",", Enumerable.Repeat(ValidMessage, 501)) + "]";

        var (status, body) = await PostAsync(emulator, "email/batch", batch, PostmarkEmulator.DefaultServerToken);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(410, body["ErrorCode"]!.GetValue<int>());
        Assert.Empty(emulator.Messages);
    }

    [Theory]
    [InlineData("Delivery", false)]
    [InlineData("Bounce", true)]
    [InlineData("SpamComplaint", true)]
    [InlineData("Open", false)]
    [InlineData("Click", false)]
    [InlineData("SubscriptionChange", true)]
    public async Task SendWebhookAsync_ForASentEmail_PostsAnEventOurParserTiesToIt(string recordType, bool suppresses)
    {
        await using var kit = await PostmarkTestKit.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var email = PostmarkTestData.Email();
        var providerId = await kit.Transport.SendAsync(email, TestContext.Current.CancellationToken);

        var delivery = await kit.Emulator.SendWebhookAsync(receiver.Url, recordType, providerId!, "postmark", "s3cret", TestContext.Current.CancellationToken);

        Assert.Equal(200, delivery.StatusCode);
        var received = Assert.Single(receiver.Received);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("postmark:s3cret")), received.Authorization);
        Assert.StartsWith("application/json", received.ContentType, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(received.Body);
        var parsed = PostmarkWebhookParser.Parse(document.RootElement)!;
        Assert.Equal(Enum.Parse<PostmarkRecordType>(recordType), parsed.RecordType);
        Assert.Equal(providerId, parsed.MessageId);
        Assert.Equal(email.Metadata, parsed.Metadata);
        Assert.Equal(email.To, parsed.Recipient);
        Assert.Equal("broadcast", parsed.MessageStream);
        Assert.Equal(suppresses, parsed.ShouldSuppress);
    }

    [Fact]
    public async Task SendWebhookAsync_WithCredentialsInTheUrl_SendsThemAsBasicAuthOnly()
    {
        await using var kit = await PostmarkTestKit.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var providerId = await kit.Transport.SendAsync(PostmarkTestData.Email(), TestContext.Current.CancellationToken);
        var target = new UriBuilder(receiver.Url) { UserName = "hook", Password = "p@ss" }.Uri;

        await kit.Emulator.SendWebhookAsync(target, "Delivery", providerId!, ct: TestContext.Current.CancellationToken);

        var received = Assert.Single(receiver.Received);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("hook:p@ss")), received.Authorization);
        Assert.Equal("/webhooks/postmark", received.Path);
        Assert.False(string.IsNullOrEmpty(received.TraceId));
    }

    [Fact]
    public async Task SendWebhookAsync_SoftBounceAndReactivationPayloads_DoNotSuppress()
    {
        await using var kit = await PostmarkTestKit.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await kit.Transport.SendAsync(PostmarkTestData.Email(), TestContext.Current.CancellationToken);
        var sent = Assert.Single(kit.Emulator.Messages);
        var now = DateTimeOffset.UtcNow;

        await kit.Emulator.SendWebhookAsync(receiver.Url, PostmarkWebhookPayloads.Bounce(sent, now, hard: false), ct: TestContext.Current.CancellationToken);
        await kit.Emulator.SendWebhookAsync(receiver.Url, PostmarkWebhookPayloads.SubscriptionChange(sent, now, suppressSending: false, origin: "Customer"), ct: TestContext.Current.CancellationToken);

        var events = receiver.Received.Select(r => PostmarkWebhookParser.Parse(JsonDocument.Parse(r.Body).RootElement)!).ToList();
        Assert.False(events[0].ShouldSuppress);
        Assert.False(events[0].IsHardBounce);
        Assert.True(events[1].ShouldUnsuppress);
        Assert.Null(events[1].MessageId);
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(PostmarkEmulator emulator, string path, string json, string? token, string contentType = "application/json")
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseUrl, path)) { Content = new StringContent(json, Encoding.UTF8, contentType) };
        if (token is not null)
            request.Headers.Add("X-Postmark-Server-Token", token);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }
}
