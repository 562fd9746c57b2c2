using CartRecovery.Connectors.Demo;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Sms;
using CartRecovery.Testing.Emulators.Twilio;

namespace CartRecovery.Web.Tests.Features.Sms;

/// <summary>
/// Exactly once through the host and Twilio's emulator: Twilio takes a text but its answer never arrives (as when the
/// dispatcher dies between "sent at Twilio" and "recorded"); the retry finds the text at Twilio and sends no second one.
/// </summary>
public sealed class SmsExactlyOnceTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private TwilioEmulator _twilio = null!;
    private CartRecoveryAppFactory _app = null!;

    public async ValueTask InitializeAsync()
    {
        _twilio = await TwilioEmulator.StartAsync(Ct);
        _app = new CartRecoveryAppFactory(settings: new Dictionary<string, string?>
        {
            ["Sms:Transport"] = "twilio",
            ["Twilio:AccountSid"] = TwilioEmulator.AccountSid,
            ["Twilio:AuthToken"] = TwilioEmulator.AuthToken,
            ["Twilio:BaseUrl"] = _twilio.BaseUrl.AbsoluteUri,
            ["Twilio:StatusCallbackUrl"] = "http://localhost/sms/twilio/status",
        });
    }

    public async ValueTask DisposeAsync()
    {
        _app.Dispose();
        await _twilio.DisposeAsync();
    }

    [Fact]
    public async Task RetriedText_WhoseFirstAttemptTwilioTookButNeverConfirmed_IsRecordedNotSentAgain()
    {
        var drive = new RecoveryDriver(_app);
        var store = await _app.DemoStoreAsync();
        await _app.Service<ISmsSettingsRepository>().SaveAsync(store.Id, DemoStore.Texts, _app.Time.GetUtcNow(), Ct);
        await SmsCarts.ReportAsync(_app, store, "chk-once", "06 12 34 56 78", acceptsSms: true);
        drive.Advance(TimeSpan.FromSeconds(11));
        await drive.DetectAsync();
        drive.Advance(TimeSpan.FromSeconds(31));
        _twilio.LoseAnswers = 1;

        await drive.DispatchAsync();
        var cart = (await drive.CartAsync(store, "chk-once"))!;
        var failed = (await _app.Service<IMessageRepository>().ListForCartAsync(cart.Id, Ct)).Single(m => m.Kind == StepKind.Sms);
        Assert.Equal(MessageStatus.Pending, failed.Status);
        Assert.Single(_twilio.Messages);

        drive.Advance(TimeSpan.FromMinutes(2));
        await drive.DispatchAsync();

        var text = Assert.Single(_twilio.Messages);
        var recorded = await _app.Service<IMessageRepository>().GetAsync(failed.Id, Ct);
        Assert.Equal((MessageStatus.Sent, "+33612345678", text.Sid), (recorded!.Status, recorded.Recipient, recorded.ProviderMessageId));
        Assert.Equal("+33612000000", text.From);
        Assert.Equal($"http://localhost/sms/twilio/status?m={failed.Id}", text.StatusCallback?.AbsoluteUri);
    }
}
