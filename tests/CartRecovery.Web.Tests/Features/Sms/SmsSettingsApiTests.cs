using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Tests.Features.Sms;

/// <summary><c>GET/PUT /api/stores/{id}/sms</c>: a store's SMS channel, validated, audited, with the URLs to paste in Twilio.</summary>
public sealed class SmsSettingsApiTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_ANewStore_IsOffWithTheLegalDefaultsAndTheTwilioUrls()
    {
        var store = await _app.DemoStoreAsync();

        using var json = JsonDocument.Parse(await _app.AdminClient().GetStringAsync($"/api/stores/{store.Id}/sms", Ct));

        var root = json.RootElement;
        Assert.False(root.GetProperty("enabled").GetBoolean());
        Assert.Equal("opted-in-only", root.GetProperty("consent").GetString());
        Assert.Equal("08:00", root.GetProperty("window").GetProperty("opens").GetString());
        Assert.Equal("20:00", root.GetProperty("window").GetProperty("closes").GetString());
        Assert.Equal(2, root.GetProperty("maxParts").GetInt32());
        Assert.Equal($"http://localhost/sms/twilio/{store.PublicKey}/inbound", root.GetProperty("inboundUrl").GetString());
        Assert.Equal("http://localhost/sms/twilio/status", root.GetProperty("statusCallbackUrl").GetString());
    }

    [Fact]
    public async Task Put_ValidSettings_AreSavedAndAudited()
    {
        var store = await _app.DemoStoreAsync();

        var response = await _app.AdminClient().PutAsJsonAsync($"/api/stores/{store.Id}/sms", new
        {
            enabled = true, country = "FR", consent = "declared-by-merchant", window = new { opens = "09:30", closes = "19:00" }, maxParts = 3,
            fromNumber = "+33757000000",
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await _app.Service<ISmsSettingsRepository>().GetAsync(store.Id, Ct);
        Assert.Equal(new SmsSettings
        {
            Enabled = true, Country = "FR", Consent = SmsConsentRule.DeclaredByMerchant, MaxParts = 3, FromNumber = "+33757000000",
            Window = new SmsSendingWindow(new TimeOnly(9, 30), new TimeOnly(19, 0)),
        }, saved);
        var entry = Assert.Single(await _app.Service<IAuditLog>().ListAsync(store.AccountId!.Value, 0, 50, Ct), e => e.Action == "sms.settings");
        Assert.Contains("19:00", entry.After, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"window":{"opens":"07:30","closes":"20:00"}}""", "window")]
    [InlineData("""{"window":{"opens":"08:00","closes":"21:00"}}""", "window")]
    [InlineData("""{"window":{"opens":"18:00","closes":"09:00"}}""", "window")]
    [InlineData("""{"window":{"opens":"8h","closes":"20:00"}}""", "window.opens")]
    [InlineData("""{"consent":"everyone"}""", "consent")]
    [InlineData("""{"maxParts":11}""", "maxParts")]
    [InlineData("""{"enabled":true}""", "fromNumber")]
    [InlineData("""{"fromNumber":"0757000000"}""", "fromNumber")]
    [InlineData("""{"messagingServiceSid":"MG123"}""", "messagingServiceSid")]
    public async Task Put_OutsideTheRules_Is400NamingTheFieldAndSavesNothing(string body, string field)
    {
        var store = await _app.DemoStoreAsync();

        var response = await _app.AdminClient().PutAsync($"/api/stores/{store.Id}/sms",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors name {field}: {problem.RootElement}");
        Assert.Equal(SmsSettings.Default, await _app.Service<ISmsSettingsRepository>().GetAsync(store.Id, Ct));
    }

    [Fact]
    public async Task GetAndPut_UnknownStore_Is404()
    {
        var admin = _app.AdminClient();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/stores/9999/sms", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/stores/9999/sms", new { enabled = false }, Ct)).StatusCode);
    }
}
