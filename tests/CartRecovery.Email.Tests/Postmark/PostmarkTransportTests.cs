using CartRecovery.Core.Email;

namespace CartRecovery.Email.Tests.Postmark;

public sealed class PostmarkTransportTests
{
    [Fact]
    public async Task SendAsync_WithRecoveryEmail_SendsOnTheStreamWithUnsubscribeHeadersTagMetadataAndTracking()
    {
        await using var kit = await PostmarkTestKit.StartAsync();
        var email = PostmarkTestData.Email();

        var providerId = await kit.Transport.SendAsync(email, TestContext.Current.CancellationToken);

        var sent = Assert.Single(kit.Emulator.Messages);
        Assert.Equal(sent.MessageId, providerId);
        Assert.Equal("Maple Goods <hello@maple.example.com>", sent.From);
        Assert.Equal("Anna Berg <anna@example.com>", sent.To);
        Assert.Equal("broadcast", sent.MessageStream);
        Assert.True(sent.MessageStreamWasSet);
        Assert.Equal($"<{PostmarkTestData.UnsubscribeUrl}>", sent.Header("List-Unsubscribe"));
        Assert.Equal("List-Unsubscribe=One-Click", sent.Header("List-Unsubscribe-Post"));
        Assert.Equal($"<{email.InternetMessageId}>", sent.Header("Message-ID"));
        Assert.Equal("step-1", sent.Tag);
        Assert.Equal(email.Metadata, sent.Metadata);
        Assert.True(sent.TrackOpens);
        Assert.Equal("HtmlOnly", sent.TrackLinks);
        Assert.Equal(email.Subject, sent.Subject);
        Assert.Equal(email.HtmlBody, sent.HtmlBody);
        Assert.Equal(email.TextBody, sent.TextBody);
    }

    [Fact]
    public async Task SendAsync_WithConfiguredStreamAndTracking_UsesThem()
    {
        await using var kit = await PostmarkTestKit.StartAsync(new()
        {
            ["Postmark:MessageStream"] = "outbound",
            ["Postmark:TrackOpens"] = "false",
            ["Postmark:TrackLinks"] = "None",
            ["Postmark:SendMessageIdHeader"] = "false",
        });

        await kit.Transport.SendAsync(PostmarkTestData.Email(), TestContext.Current.CancellationToken);

        var sent = Assert.Single(kit.Emulator.Messages);
        Assert.Equal("outbound", sent.MessageStream);
        Assert.False(sent.TrackOpens);
        Assert.Equal("None", sent.TrackLinks);
        Assert.Null(sent.Header("Message-ID"));
    }

    [Theory]
    [InlineData("Maple Goods, Inc.", "\"Maple Goods, Inc.\" <hello@maple.example.com>")]
    [InlineData("Say \"Cheese\" & Co", "\"Say \\\"Cheese\\\" & Co\" <hello@maple.example.com>")]
    [InlineData("Café Crème", "Café Crème <hello@maple.example.com>")]
    [InlineData("Evil\r\nBcc: x@example.com", "\"EvilBcc: x@example.com\" <hello@maple.example.com>")]
    public async Task SendAsync_WhenStoreNameNeedsQuoting_QuotesItSoPostmarkParsesOneSender(string storeName, string expectedFrom)
    {
        await using var kit = await PostmarkTestKit.StartAsync();

        await kit.Transport.SendAsync(PostmarkTestData.Email(fromName: storeName), TestContext.Current.CancellationToken);

        Assert.Equal(expectedFrom, Assert.Single(kit.Emulator.Messages).From);
    }

    [Fact]
    public async Task SendAsync_ToInactiveRecipient_ThrowsSuppressedAndNotTransient()
    {
        await using var kit = await PostmarkTestKit.StartAsync();
        kit.Emulator.InactiveRecipients.Add("anna@example.com");

        var error = await Assert.ThrowsAsync<EmailSendException>(() => kit.Transport.SendAsync(PostmarkTestData.Email(), TestContext.Current.CancellationToken));

        Assert.True(error.RecipientSuppressed);
        Assert.False(error.IsTransient);
        Assert.False(error.CredentialsRejected);
        Assert.DoesNotContain("anna@example.com", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WithRejectedToken_ThrowsNonTransientCredentialsRejectedNamingTheToken()
    {
        await using var kit = await PostmarkTestKit.StartAsync(new() { ["Postmark:ServerToken"] = "revoked-token" });

        var error = await Assert.ThrowsAsync<EmailSendException>(() => kit.Transport.SendAsync(PostmarkTestData.Email(), TestContext.Current.CancellationToken));

        Assert.True(error.CredentialsRejected);
        Assert.False(error.IsTransient);
        Assert.False(error.RecipientSuppressed);
        Assert.Contains("server token", error.Message, StringComparison.Ordinal);
        Assert.Contains("Postmark:ServerToken", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task SendAsync_WhenPostmarkKeepsFailing_ThrowsTransient(int status)
    {
        await using var kit = await PostmarkTestKit.StartAsync(new() { ["Postmark:MaxRetries"] = "1" });
        kit.Emulator.FailNext(5, status);

        var error = await Assert.ThrowsAsync<EmailSendException>(() => kit.Transport.SendAsync(PostmarkTestData.Email(), TestContext.Current.CancellationToken));

        Assert.True(error.IsTransient);
        Assert.False(error.RecipientSuppressed);
        Assert.False(error.CredentialsRejected);
    }

    [Fact]
    public async Task SendAsync_WhenConfiguredStreamDoesNotExist_PausesSendingNamingTheKey()
    {
        await using var kit = await PostmarkTestKit.StartAsync(new() { ["Postmark:MessageStream"] = "cart-reminders" });

        var error = await Assert.ThrowsAsync<EmailSendException>(() => kit.Transport.SendAsync(PostmarkTestData.Email(), TestContext.Current.CancellationToken));

        Assert.False(error.IsTransient);
        Assert.True(error.CredentialsRejected);
        Assert.Contains("Postmark:MessageStream", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/u/relative-only")]
    [InlineData("mailto:unsubscribe@example.com")]
    public async Task SendAsync_WithoutAbsoluteHttpUnsubscribeUrl_ThrowsWithoutCallingPostmark(string url)
    {
        await using var kit = await PostmarkTestKit.StartAsync();

        var error = await Assert.ThrowsAsync<EmailSendException>(() => kit.Transport.SendAsync(PostmarkTestData.Email() with { UnsubscribeUrl = url }, TestContext.Current.CancellationToken));

        Assert.False(error.IsTransient);
        Assert.Empty(kit.Emulator.Requests);
    }

    [Fact]
    public async Task SendBatchAsync_WithOneInactiveRecipient_ReturnsOneOutcomePerEmailInOrder()
    {
        await using var kit = await PostmarkTestKit.StartAsync();
        kit.Emulator.InactiveRecipients.Add("gone@example.com");
        EmailMessage[] emails = [PostmarkTestData.Email(1, "a@example.com"), PostmarkTestData.Email(2, "gone@example.com"), PostmarkTestData.Email(3, "c@example.com")];

        var outcomes = await kit.Transport.SendBatchAsync(emails, TestContext.Current.CancellationToken);

        Assert.Equal([1L, 2L, 3L], outcomes.Select(o => o.MessageId));
        var accepted = kit.Emulator.Messages;
        Assert.Equal(accepted[0].MessageId, outcomes[0].ProviderMessageId);
        Assert.Equal(accepted[1].MessageId, outcomes[2].ProviderMessageId);
        Assert.False(outcomes[1].Succeeded);
        Assert.True(outcomes[1].Error!.RecipientSuppressed);
        Assert.False(outcomes[1].Error!.IsTransient);
    }

    [Fact]
    public async Task SendBatchAsync_WithMoreThan500Emails_SendsChunksOfAtMost500()
    {
        await using var kit = await PostmarkTestKit.StartAsync();
        var emails = Enumerable.Range(1, 501).Select(i => PostmarkTestData.Email(i, $"r{i}@example.com")).ToList();

        var outcomes = await kit.Transport.SendBatchAsync(emails, TestContext.Current.CancellationToken);

        Assert.Equal(2, kit.Emulator.Requests.Count);
        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Equal(501, kit.Emulator.Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal("r501@example.com", kit.Emulator.Messages[^1].RecipientAddress);
    }

    [Fact]
    public async Task SendBatchAsync_WithRejectedToken_FailsEveryEmailAfterOneCall()
    {
        await using var kit = await PostmarkTestKit.StartAsync(new() { ["Postmark:ServerToken"] = "revoked-token" });
        var emails = Enumerable.Range(1, 501).Select(i => PostmarkTestData.Email(i, $"r{i}@example.com")).ToList();

        var outcomes = await kit.Transport.SendBatchAsync(emails, TestContext.Current.CancellationToken);

        Assert.Single(kit.Emulator.Requests);
        Assert.All(outcomes, o => Assert.True(o.Error is { CredentialsRejected: true, IsTransient: false }));
    }

    [Fact]
    public async Task SendBatchAsync_WithAnUnusableEmail_FailsItAloneWithoutSendingIt()
    {
        await using var kit = await PostmarkTestKit.StartAsync();
        EmailMessage[] emails = [PostmarkTestData.Email(1) with { To = "not an address" }, PostmarkTestData.Email(2)];

        var outcomes = await kit.Transport.SendBatchAsync(emails, TestContext.Current.CancellationToken);

        Assert.False(outcomes[0].Error!.IsTransient);
        Assert.True(outcomes[1].Succeeded);
        Assert.Single(kit.Emulator.Messages);
    }
}
