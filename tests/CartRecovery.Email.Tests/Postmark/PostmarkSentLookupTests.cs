using CartRecovery.Core.Email;
using CartRecovery.Testing.Emulators.Postmark;

namespace CartRecovery.Email.Tests.Postmark;

/// <summary>The transport asks Postmark's outbound search whether a message was already accepted (exactly once across a crash).</summary>
public sealed class PostmarkSentLookupTests
{
    [Fact]
    public async Task FindSentAsync_AfterAnAcceptedSend_ReturnsItsMessageId()
    {
        await using var kit = await PostmarkTestKit.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await kit.Transport.SendAsync(PostmarkTestData.Email(messageId: 6), ct);
        var providerId = await kit.Transport.SendAsync(PostmarkTestData.Email(messageId: 7), ct);

        Assert.Equal(providerId, await kit.Transport.FindSentAsync(7, null, ct));
        Assert.Null(await kit.Transport.FindSentAsync(8, null, ct));

        var search = kit.Emulator.Requests[^1];
        Assert.Equal("GET", search.Method);
        Assert.Equal("/messages/outbound", search.Path);
        Assert.Equal(PostmarkEmulator.DefaultServerToken, search.ServerToken);
    }

    [Fact]
    public async Task FindSentAsync_SearchesTheStreamTheMessageWentTo()
    {
        await using var kit = await PostmarkTestKit.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await kit.Transport.SendAsync(PostmarkTestData.Email(messageId: 7) with { MessageStream = "outbound" }, ct);

        Assert.NotNull(await kit.Transport.FindSentAsync(7, "outbound", ct));
        // The configured default stream (broadcast) holds no such message.
        Assert.Null(await kit.Transport.FindSentAsync(7, null, ct));
    }

    [Fact]
    public async Task FindSentAsync_WhenPostmarkCannotAnswer_ThrowsATransientFailure()
    {
        await using var kit = await PostmarkTestKit.StartAsync(new() { ["Postmark:MaxRetries"] = "0" });
        kit.Emulator.FailNext(1, 503);

        var error = await Assert.ThrowsAsync<EmailSendException>(() => kit.Transport.FindSentAsync(7, null, TestContext.Current.CancellationToken));

        Assert.True(error.IsTransient);
        Assert.False(error.CredentialsRejected);
    }

    [Fact]
    public async Task FindSentAsync_WhenTheTokenIsRejected_PausesSending()
    {
        await using var kit = await PostmarkTestKit.StartAsync(new() { ["Postmark:ServerToken"] = "revoked" });

        var error = await Assert.ThrowsAsync<EmailSendException>(() => kit.Transport.FindSentAsync(7, null, TestContext.Current.CancellationToken));

        Assert.True(error.CredentialsRejected);
    }
}
