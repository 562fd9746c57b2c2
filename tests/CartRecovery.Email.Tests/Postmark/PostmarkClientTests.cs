using System.Net;
using System.Net.Sockets;
using CartRecovery.Email.Postmark.Sending;
using CartRecovery.Testing.Emulators.Postmark;

namespace CartRecovery.Email.Tests.Postmark;

public sealed class PostmarkClientTests
{
    [Fact]
    public async Task SendAsync_WithValidMessage_PostsPascalCaseJsonWithTokenAndReturnsMessageId()
    {
        await using var kit = await PostmarkTestKit.StartAsync();

        var result = await kit.Client.SendAsync(PostmarkTestData.Message(), TestContext.Current.CancellationToken);

        var request = Assert.Single(kit.Emulator.Requests);
        Assert.Equal("/email", request.Path);
        Assert.Equal(PostmarkEmulator.DefaultServerToken, request.ServerToken);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("application/json", request.Accept);
        Assert.Contains("\"MessageStream\":\"broadcast\"", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"TrackLinks\":\"HtmlOnly\"", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("ReplyTo", request.Body, StringComparison.Ordinal);
        Assert.True(result.Succeeded);
        Assert.Equal(Assert.Single(kit.Emulator.Messages).MessageId, result.MessageId);
        Assert.NotNull(result.SubmittedAt);
    }

    [Fact]
    public async Task SendBatchAsync_WhenOneRecipientIsInactive_SucceedsWithResultsInRequestOrder()
    {
        await using var kit = await PostmarkTestKit.StartAsync();
        kit.Emulator.InactiveRecipients.Add("gone@example.com");
        PostmarkMessage[] batch =
        [
            PostmarkTestData.Message("first@example.com"),
            PostmarkTestData.Message("gone@example.com"),
            PostmarkTestData.Message("third@example.com"),
        ];

        var results = await kit.Client.SendBatchAsync(batch, TestContext.Current.CancellationToken);

        Assert.Equal(3, results.Count);
        var accepted = kit.Emulator.Messages;
        Assert.Equal(["first@example.com", "third@example.com"], accepted.Select(m => m.To));
        Assert.Equal(accepted[0].MessageId, results[0].MessageId);
        Assert.False(results[1].Succeeded);
        Assert.Equal(PostmarkErrorCodes.InactiveRecipient, results[1].ErrorCode);
        Assert.Contains("marked as inactive", results[1].Message, StringComparison.Ordinal);
        Assert.Equal(accepted[1].MessageId, results[2].MessageId);
        Assert.Equal(200, Assert.Single(kit.Emulator.Requests).Status);
    }

    [Fact]
    public async Task SendBatchAsync_WithMoreThan500Messages_ThrowsWithoutCallingPostmark()
    {
        await using var kit = await PostmarkTestKit.StartAsync();
        var batch = Enumerable.Range(0, PostmarkClient.MaxBatchSize + 1).Select(i => PostmarkTestData.Message($"r{i}@example.com")).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => kit.Client.SendBatchAsync(batch, TestContext.Current.CancellationToken));

        Assert.Empty(kit.Emulator.Requests);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task SendAsync_WhenRefusedTwiceWith429Or503_RetriesAndSucceeds(int status)
    {
        await using var kit = await PostmarkTestKit.StartAsync();
        kit.Emulator.FailNext(2, status);

        var result = await kit.Client.SendAsync(PostmarkTestData.Message(), TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal([status, status, 200], kit.Emulator.Requests.Select(r => r.Status));
        Assert.Single(kit.Emulator.Messages);
    }

    [Fact]
    public async Task SendBatchAsync_WhenRateLimitedOnce_RetriesTheBatch()
    {
        await using var kit = await PostmarkTestKit.StartAsync();
        kit.Emulator.FailNext(1, 429);

        var results = await kit.Client.SendBatchAsync([PostmarkTestData.Message(), PostmarkTestData.Message("b@example.com")], TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal([429, 200], kit.Emulator.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task SendAsync_WhenRateLimitOutlastsRetries_ThrowsTransientAfterLastAttempt()
    {
        await using var kit = await PostmarkTestKit.StartAsync(new() { ["Postmark:MaxRetries"] = "2" });
        kit.Emulator.FailNext(5, 429);

        var error = await Assert.ThrowsAsync<PostmarkApiException>(() => kit.Client.SendAsync(PostmarkTestData.Message(), TestContext.Current.CancellationToken));

        Assert.Equal(3, kit.Emulator.Requests.Count);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal(PostmarkErrorCodes.RateLimitExceeded, error.ErrorCode);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task SendAsync_When500_DoesNotReplayThePostAndThrowsTransient()
    {
        await using var kit = await PostmarkTestKit.StartAsync();
        kit.Emulator.FailNext(1, 500);

        var error = await Assert.ThrowsAsync<PostmarkApiException>(() => kit.Client.SendAsync(PostmarkTestData.Message(), TestContext.Current.CancellationToken));

        Assert.Single(kit.Emulator.Requests);
        Assert.Equal(500, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Contains("500 Internal Server Error", error.ApiMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WhenTheAnswerIsLate_TimesOutWithoutReplayingThePost()
    {
        await using var kit = await PostmarkTestKit.StartAsync(new() { ["Postmark:Timeout"] = "00:00:00.300" });
        kit.Emulator.DelayNext(1, TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<PostmarkApiException>(() => kit.Client.SendAsync(PostmarkTestData.Message(), TestContext.Current.CancellationToken));

        // A replayed attempt would have found no delay queued and succeeded.
        Assert.True(error.IsTimeout);
        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
        Assert.Empty(kit.Emulator.Messages);
    }

    [Fact]
    public async Task SendAsync_WhenNothingListens_RetriesThenThrowsTransientWithoutStatus()
    {
        await using var kit = await PostmarkTestKit.StartAsync(new() { ["Postmark:BaseUrl"] = $"http://127.0.0.1:{UnusedPort()}/" });

        var error = await Assert.ThrowsAsync<PostmarkApiException>(() => kit.Client.SendAsync(PostmarkTestData.Message(), TestContext.Current.CancellationToken));

        Assert.Null(error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task SendAsync_WithRejectedToken_ThrowsBadTokenThatIsNotTransient()
    {
        await using var kit = await PostmarkTestKit.StartAsync(new() { ["Postmark:ServerToken"] = "revoked-token" });

        var error = await Assert.ThrowsAsync<PostmarkApiException>(() => kit.Client.SendAsync(PostmarkTestData.Message(), TestContext.Current.CancellationToken));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(PostmarkErrorCodes.BadOrMissingToken, error.ErrorCode);
        Assert.True(error.IsBadToken);
        Assert.False(error.IsTransient);
        Assert.Single(kit.Emulator.Requests);
        Assert.DoesNotContain("revoked-token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ToInactiveRecipient_ThrowsInactiveRecipientWithTheAddressRedacted()
    {
        await using var kit = await PostmarkTestKit.StartAsync();
        kit.Emulator.InactiveRecipients.Add("gone@example.com");

        var error = await Assert.ThrowsAsync<PostmarkApiException>(() => kit.Client.SendAsync(PostmarkTestData.Message("gone@example.com"), TestContext.Current.CancellationToken));

        Assert.Equal(422, error.StatusCode);
        Assert.True(error.IsInactiveRecipient);
        Assert.False(error.IsTransient);
        Assert.Contains("gone@example.com", error.ApiMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("gone@example.com", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ToUnknownStream_ThrowsStreamNotFound()
    {
        await using var kit = await PostmarkTestKit.StartAsync();

        var error = await Assert.ThrowsAsync<PostmarkApiException>(() => kit.Client.SendAsync(PostmarkTestData.Message(stream: "cart-reminders"), TestContext.Current.CancellationToken));

        Assert.Equal(PostmarkErrorCodes.MessageStreamNotFound, error.ErrorCode);
        Assert.Equal("The stream provided: 'cart-reminders' does not exist on this server.", error.ApiMessage);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
