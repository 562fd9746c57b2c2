using CartRecovery.Core.Sms;
using CartRecovery.Sms.Twilio;
using CartRecovery.Testing.Emulators.Twilio;

namespace CartRecovery.Sms.Tests.Twilio;

public sealed class TwilioSmsTransportTests : IAsyncLifetime
{
    private const string Service = "MG00000000000000000000000000000abc";
    private TwilioEmulator _twilio = null!;

    public async ValueTask InitializeAsync() => _twilio = await TwilioEmulator.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _twilio.DisposeAsync();

    private TwilioSmsTransport Transport(string token = TwilioEmulator.AuthToken)
    {
        var options = new TwilioOptions
        {
            AccountSid = TwilioEmulator.AccountSid,
            AuthToken = token,
            BaseUrl = _twilio.BaseUrl,
            StatusCallbackUrl = new Uri("https://app.example.com/sms/twilio/status?store=k1"),
        };
        return new TwilioSmsTransport(TwilioSmsTransport.CreateHttpClient(options), options);
    }

    private static SmsMessage Text(string to = "+33612345678", string? service = Service, string? from = null) =>
        new(42, 7, to, "Maple Goods: your cart is waiting https://s.example/s/Ab3 STOP au 36111", service, from);

    [Fact]
    public async Task Send_WithAMessagingService_IsAcceptedWithOurIdInTheStatusCallback()
    {
        var receipt = await Transport().SendAsync(Text(), TestContext.Current.CancellationToken);

        var sent = Assert.Single(_twilio.Messages);
        Assert.Equal(new SmsReceipt(sent.Sid, "accepted", 1), receipt);
        Assert.StartsWith("SM", receipt.ProviderMessageId, StringComparison.Ordinal);
        Assert.Equal(("+33612345678", Service, (string?)null), (sent.To, sent.MessagingServiceSid, sent.From));
        Assert.Equal(Text().Body, sent.Body);
        Assert.Equal("https://app.example.com/sms/twilio/status?store=k1&m=42", sent.StatusCallback?.AbsoluteUri);
    }

    [Fact]
    public async Task Send_FromANumber_IsQueued()
    {
        var receipt = await Transport().SendAsync(Text(service: null, from: "+33757000000"), TestContext.Current.CancellationToken);

        Assert.Equal("queued", receipt.Status);
        Assert.Equal("+33757000000", Assert.Single(_twilio.Messages).From);
    }

    [Fact]
    public async Task Send_InvalidNumber_Is21211AndNotWorthRetrying()
    {
        var error = await Assert.ThrowsAsync<SmsSendException>(() => Transport().SendAsync(Text(to: "0612"), TestContext.Current.CancellationToken));

        Assert.Equal((400, 21211, false, true), (error.Status, error.ErrorCode, error.IsTransient, error.NumberUnusable));
        Assert.Empty(_twilio.Messages);
    }

    [Fact]
    public async Task Send_RecipientWhoRepliedStop_Is21610OptedOut()
    {
        _twilio.Unsubscribed.Add("+33612345678");

        var error = await Assert.ThrowsAsync<SmsSendException>(() => Transport().SendAsync(Text(), TestContext.Current.CancellationToken));

        Assert.Equal((21610, true, false), (error.ErrorCode, error.RecipientOptedOut, error.IsTransient));
    }

    [Fact]
    public async Task Send_WrongAuthToken_IsRefusedWith20003()
    {
        var error = await Assert.ThrowsAsync<SmsSendException>(() => Transport("wrong").SendAsync(Text(), TestContext.Current.CancellationToken));

        Assert.Equal((401, 20003), (error.Status, error.ErrorCode));
        Assert.Empty(_twilio.Messages);
    }

    [Fact]
    public async Task Find_AnEarlierSend_GivesItsLatestStatus_AndAnUnknownSidGivesNull()
    {
        var transport = Transport();
        var receipt = await transport.SendAsync(Text(), TestContext.Current.CancellationToken);
        _twilio.Unsubscribed.Clear();

        var found = await transport.FindAsync(receipt.ProviderMessageId, TestContext.Current.CancellationToken);

        Assert.Equal(receipt, found);
        Assert.Null(await transport.FindAsync("SM" + new string('f', 32), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FindSent_WhenTwilioTookTheTextButItsAnswerWasLost_FindsItByItsShortLink()
    {
        var ct = TestContext.Current.CancellationToken;
        var transport = Transport();
        await transport.SendAsync(Text() with { MessageId = 41, Body = "Other shop: https://s.example/s/AAAAAAAp rest STOP" }, ct);
        _twilio.LoseAnswers = 1;
        await Assert.ThrowsAsync<SmsSendException>(() => transport.SendAsync(Text(), ct));

        var found = await transport.FindSentAsync(Text() with { Body = "" }, "https://s.example/s/Ab3", ct);

        var kept = _twilio.Messages.Single(m => m.Body == Text().Body);
        Assert.Equal(kept.Sid, found?.ProviderMessageId);
    }

    [Fact]
    public async Task FindSent_WhenTwilioHasNoTextWithTheShortLink_ReturnsNull()
    {
        var ct = TestContext.Current.CancellationToken;
        var transport = Transport();
        await transport.SendAsync(Text(), ct);
        await transport.SendAsync(Text(to: "+33698765432") with { Body = "x https://s.example/s/Zz9" }, ct);

        Assert.Null(await transport.FindSentAsync(Text(), "https://s.example/s/Zz9", ct));
        Assert.Null(await transport.FindSentAsync(Text(to: "+33600000001"), "https://s.example/s/Ab3", ct));
    }

    [Fact]
    public async Task FindSent_PagesThroughTheRecipientsTexts()
    {
        var ct = TestContext.Current.CancellationToken;
        var transport = Transport();
        await transport.SendAsync(Text() with { Body = "oldest https://s.example/s/Old" }, ct);
        for (var i = 0; i < 60; i++)
            await transport.SendAsync(Text() with { Body = $"newer {i}" }, ct);

        var found = await transport.FindSentAsync(Text(), "https://s.example/s/Old", ct);

        Assert.Equal(_twilio.Messages[0].Sid, found?.ProviderMessageId);
    }
}
