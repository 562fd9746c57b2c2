using CartRecovery.Sms.Twilio;
using CartRecovery.Testing;
using CartRecovery.Testing.Emulators.Twilio;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Sms.Tests.Twilio;

public sealed class TwilioSignatureTests
{
    private const string Url = "https://app.example.com/sms/twilio/status?store=k1&m=42";

    private static readonly Dictionary<string, string> Form = new(StringComparer.Ordinal)
    {
        ["MessageSid"] = "SM0123", ["MessageStatus"] = "delivered", ["To"] = "+33612345678", ["AccountSid"] = TwilioEmulator.AccountSid,
    };

    [Fact]
    public void IsValid_SignedAsTwilioDocumentsIt_IsTrue()
    {
        var signature = TwilioRequestSigner.Sign(TwilioEmulator.AuthToken, Url, Form);

        Assert.True(TwilioSignature.IsValid(TwilioEmulator.AuthToken, new Uri(Url), Form, signature));
    }

    [Fact]
    public void IsValid_ForgedMissingOrOverOtherData_IsFalse()
    {
        var signature = TwilioRequestSigner.Sign(TwilioEmulator.AuthToken, Url, Form);
        var tampered = new Dictionary<string, string>(Form) { ["MessageStatus"] = "failed" };

        Assert.False(TwilioSignature.IsValid(TwilioEmulator.AuthToken, new Uri(Url), Form, TwilioRequestSigner.Sign("another-token", Url, Form)));
        Assert.False(TwilioSignature.IsValid(TwilioEmulator.AuthToken, new Uri(Url), tampered, signature));
        Assert.False(TwilioSignature.IsValid(TwilioEmulator.AuthToken, new Uri(Url.Replace("m=42", "m=43", StringComparison.Ordinal)), Form, signature));
        Assert.False(TwilioSignature.IsValid(TwilioEmulator.AuthToken, new Uri(Url), Form, null));
        Assert.False(TwilioSignature.IsValid(TwilioEmulator.AuthToken, new Uri(Url), Form, "bm90IGEgc2lnbmF0dXJl"));
    }

    [Fact]
    public async Task StatusCallback_FromTheEmulator_PassesTheCheckAndAForgedOneIsRefused()
    {
        // A receiver checking signatures the way the app's callback endpoint must: the URL as called, the form as posted.
        var received = new List<string>();
        await using var receiver = await LoopbackHost.StartAsync(app => app.MapPost("/sms/twilio/status", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var url = new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}{context.Request.QueryString}");
            if (!TwilioSignature.IsValid(TwilioEmulator.AuthToken, url, form.Select(f => KeyValuePair.Create(f.Key, f.Value.ToString())),
                    context.Request.Headers["X-Twilio-Signature"]))
                return Results.StatusCode(401);
            lock (received)
                received.Add($"{context.Request.Query["m"]}:{form["MessageStatus"]}");
            return Results.NoContent();
        }), ct: TestContext.Current.CancellationToken);
        var callbackUrl = new Uri(receiver.BaseUrl, "sms/twilio/status?store=k1");

        await using var twilio = await TwilioEmulator.StartAsync(TestContext.Current.CancellationToken);
        var options = new TwilioOptions
        {
            AccountSid = TwilioEmulator.AccountSid, AuthToken = TwilioEmulator.AuthToken, BaseUrl = twilio.BaseUrl, StatusCallbackUrl = callbackUrl,
        };
        var receipt = await new TwilioSmsTransport(TwilioSmsTransport.CreateHttpClient(options), options)
            .SendAsync(new(42, 7, "+33612345678", "Maple Goods: hello. STOP au 36111", null, "+33757000000"), TestContext.Current.CancellationToken);

        Assert.Equal(204, await twilio.DeliverStatusAsync(receipt.ProviderMessageId, "delivered"));
        Assert.Equal(401, await twilio.DeliverStatusAsync(receipt.ProviderMessageId, "failed", 30003, forgedSignature: "Zm9yZ2Vk"));
        Assert.Equal(["42:delivered"], received);
    }
}
