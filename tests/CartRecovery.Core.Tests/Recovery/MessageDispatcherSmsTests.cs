using CartRecovery.Testing;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Sms;
using Moq;

namespace CartRecovery.Core.Tests.Recovery;

/// <summary>
/// The text path of the dispatcher: sent only with texts on, a mobile number, SMS consent and no STOP (else skipped with
/// the reason on the timeline), deferred outside the sending hours, recorded with the E.164 number, exactly once.
/// </summary>
public sealed class MessageDispatcherSmsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static Cart CartWith(string? phone = "06 12 34 56 78", bool? acceptsSms = true) =>
        Sample.Cart() with { Contact = new CartContact("ana@example.com", phone, "Ana", AcceptsSms: acceptsSms) };

    private static DispatcherFixture Fixture(Cart? cart = null, int attempts = 1) =>
        new(Sample.Message(kind: StepKind.Sms) with { Template = SequencePresets.SmsReminderTemplate, Attempts = attempts }, cart ?? CartWith());

    [Fact]
    public async Task RunOnce_WhenTheCustomerMayBeTexted_SendsToTheE164NumberAndRecordsIt()
    {
        var f = Fixture();

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal(1, summary.Sent);
        var text = Assert.Single(f.Texts);
        Assert.Equal("+33612345678", text.To);
        Assert.Equal("+33639980000", text.From);
        Assert.Contains("https://recover.example/s/", text.Body, StringComparison.Ordinal);
        f.Messages.Verify(m => m.MarkSentAsync(100, It.IsAny<string>(), "+33612345678", "SM-1", TestData.Now, Ct));
        f.Carts.Verify(c => c.AddEventAsync(It.Is<CartEvent>(e => e.Kind == CartEventKinds.MessageSent && e.Detail.Contains("text sent", StringComparison.Ordinal)), Ct));
        Assert.Empty(f.Sent);
    }

    public static TheoryData<string, string?, bool?, string> Refusals => new()
    {
        { "no phone", null, true, "no mobile number to text (no phone number)" },
        { "landline", "01 42 68 53 00", true, "no mobile number to text (not a mobile number)" },
        { "no consent", "06 12 34 56 78", null, SmsSending.NoConsent },
        { "refused", "06 12 34 56 78", false, SmsSending.NoConsent },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task RunOnce_WhenTheCustomerCannotBeTexted_SkipsTheStepWithTheReasonOnTheTimeline(string _, string? phone, bool? consent, string reason)
    {
        var f = Fixture(CartWith(phone, consent));

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal(1, summary.Cancelled);
        Assert.Empty(f.Texts);
        f.Messages.Verify(m => m.MarkCancelledAsync(100, It.IsAny<string>(), $"text skipped: {reason}", Ct));
        f.Carts.Verify(c => c.AddEventAsync(It.Is<CartEvent>(e => e.Kind == CartEventKinds.MessageCancelled && e.Detail.Contains(reason, StringComparison.Ordinal)), Ct));
    }

    [Fact]
    public async Task RunOnce_WhenTextsAreOffForTheStore_SkipsTheStepWithTheReason()
    {
        var f = Fixture();
        f.SmsSettings.Setup(s => s.GetAsync(1, Ct)).ReturnsAsync(SmsSettings.Default);

        await f.Create().RunOnceAsync(Ct);

        Assert.Empty(f.Texts);
        f.Messages.Verify(m => m.MarkCancelledAsync(100, It.IsAny<string>(), $"text skipped: {SmsSending.TextsOff}", Ct));
    }

    [Fact]
    public async Task RunOnce_WhenTheNumberRepliedStop_SkipsTheStep()
    {
        var f = Fixture();
        f.SmsSuppressions.Setup(s => s.IsSuppressedAsync(1, "+33612345678", Ct)).ReturnsAsync(true);

        await f.Create().RunOnceAsync(Ct);

        Assert.Empty(f.Texts);
        f.Messages.Verify(m => m.MarkCancelledAsync(100, It.IsAny<string>(), $"text skipped: {SmsSending.Suppressed}", Ct));
    }

    [Fact]
    public async Task RunOnce_WhenTheStoreDeclaresConsent_TextsACustomerWhoSaidNothing()
    {
        var f = Fixture(CartWith(acceptsSms: null));
        f.SmsSettings.Setup(s => s.GetAsync(1, Ct))
            .ReturnsAsync(new SmsSettings { Enabled = true, Country = "FR", FromNumber = "+33639980000", Consent = SmsConsentRule.DeclaredByMerchant });

        await f.Create().RunOnceAsync(Ct);

        Assert.Single(f.Texts);
    }

    [Fact]
    public async Task RunOnce_OnASundayInParis_DefersTheTextToMondayEightOClockWithoutUsingAnAttempt()
    {
        var f = Fixture();
        f.Messages.Setup(m => m.ReleaseAsync(100, It.IsAny<string>(), It.IsAny<DateTimeOffset>(), Ct)).ReturnsAsync(true);
        // Sunday 29 November 2026, 15:00 in Paris (UTC+1).
        f.Time.SetUtcNow(new DateTimeOffset(2026, 11, 29, 14, 0, 0, TimeSpan.Zero));

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal(1, summary.Retrying);
        Assert.Empty(f.Texts);
        var monday = new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
        f.Messages.Verify(m => m.ReleaseAsync(100, It.IsAny<string>(), monday, Ct));
        f.Carts.Verify(c => c.AddEventAsync(It.Is<CartEvent>(e => e.Kind == CartEventKinds.MessageDeferred), Ct));
        f.Messages.Verify(m => m.MarkCancelledAsync(It.IsAny<long>(), It.IsAny<string>(), It.IsAny<string>(), Ct), Times.Never);
    }

    [Fact]
    public async Task RunOnce_WhenTheProviderSaysTheRecipientOptedOut_SuppressesTheNumberAndCancels()
    {
        var f = Fixture();
        f.SmsTransport.Setup(t => t.SendAsync(It.IsAny<SmsMessage>(), Ct))
            .ThrowsAsync(new SmsSendException("Attempt to send to unsubscribed recipient", 400, 21610, isTransient: false));

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal(1, summary.Cancelled);
        f.SmsSuppressions.Verify(s => s.SuppressAsync(1, "+33612345678", It.IsAny<string>(), It.IsAny<DateTimeOffset>(), Ct));
    }

    [Fact]
    public async Task RunOnce_WhenTheProviderIsDown_RetriesLater()
    {
        var f = Fixture();
        f.SmsTransport.Setup(t => t.SendAsync(It.IsAny<SmsMessage>(), Ct))
            .ThrowsAsync(new SmsSendException("Twilio could not be reached", null, null, isTransient: true));

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal(1, summary.Retrying);
        f.Messages.Verify(m => m.MarkFailedAsync(100, It.IsAny<string>(), It.IsAny<string>(), It.IsNotNull<DateTimeOffset?>(), Ct));
    }

    [Fact]
    public async Task RunOnce_WhenARetriedTextWasAlreadyTakenByTheProvider_RecordsItWithoutTextingAgain()
    {
        // The dispatcher died (or lost the answer) after Twilio took the text and before it was recorded.
        var f = Fixture(attempts: 2);
        f.SmsTransport.Setup(t => t.FindSentAsync(It.Is<SmsMessage>(m => m.MessageId == 100 && m.To == "+33612345678"),
                It.Is<string>(marker => marker.StartsWith("https://recover.example/s/", StringComparison.Ordinal)), Ct))
            .ReturnsAsync(new SmsReceipt("SM-earlier", "delivered", 1));

        var summary = await f.Create().RunOnceAsync(Ct);

        Assert.Equal(1, summary.Sent);
        Assert.Empty(f.Texts);
        f.Messages.Verify(m => m.MarkSentAsync(100, It.IsAny<string>(), "+33612345678", "SM-earlier", TestData.Now, Ct));
    }

    [Fact]
    public async Task RunOnce_OnAFirstAttempt_DoesNotAskTheProvider()
    {
        var f = Fixture();

        await f.Create().RunOnceAsync(Ct);

        f.SmsTransport.Verify(t => t.FindSentAsync(It.IsAny<SmsMessage>(), It.IsAny<string>(), Ct), Times.Never);
        Assert.Single(f.Texts);
    }
}
