using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartRecovery.Core.Email;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Tests.Features.Sms;

/// <summary>
/// A store's own text (SMS) through the templates API: measured against the store's part limit when saved, refused when
/// it does not fit, one part only, and sent to the next cart in that language.
/// </summary>
public sealed class SmsTemplateApiTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private const string OwnFrench = "{{ customer.first_name }}, il reste {{ cart.first_item }} dans votre panier : {{ short_url }}";
    private readonly CartRecoveryAppFactory _app = new(demo: true);
    private readonly HttpClient _api;

    public SmsTemplateApiTests() => _api = _app.AdminClient();

    public void Dispose()
    {
        _api.Dispose();
        _app.Dispose();
    }

    private Task<HttpResponseMessage> PutAsync(long storeId, string path, string source) =>
        _api.PutAsJsonAsync($"/api/stores/{storeId}/templates/{path}", new { source }, Ct);

    [Fact]
    public async Task Put_OwnFrenchText_IsMeasuredThenSentToTheNextFrenchCart()
    {
        var store = await _app.DemoStoreAsync();

        var saved = await SmsCarts.JsonAsync(await PutAsync(store.Id, "sms-reminder/fr/text", OwnFrench), HttpStatusCode.OK);

        Assert.Equal(JsonValueKind.Null, saved.GetProperty("preview").ValueKind);
        var sms = saved.GetProperty("sms");
        var text = sms.GetProperty("text").GetString()!;
        // The template left the shop's name and the STOP mention out: both are added, and counted.
        Assert.StartsWith("Alpine & Co. (demo): Alex, il reste Sample product dans votre panier : http://localhost/s/", text, StringComparison.Ordinal);
        Assert.EndsWith("\nSTOP au 0612000000", text, StringComparison.Ordinal);
        Assert.Equal(("GSM-7", 1, 2, text.Length), (sms.GetProperty("encoding").GetString(), sms.GetProperty("parts").GetInt32(),
            sms.GetProperty("maxParts").GetInt32(), sms.GetProperty("characters").GetInt32()));
        Assert.Equal("0.0800 EUR", sms.GetProperty("estimatedCost").GetProperty("text").GetString());

        var drive = new RecoveryDriver(_app);
        await SmsCarts.ReportAsync(_app, store, "chk-own-fr", "06 12 34 56 78", acceptsSms: true, locale: "fr");
        await SmsCarts.ReportAsync(_app, store, "chk-own-en", "06 12 34 56 79", acceptsSms: true, locale: "en");
        drive.Advance(TimeSpan.FromSeconds(11));
        await drive.DetectAsync();
        drive.Advance(TimeSpan.FromSeconds(31));
        await drive.DispatchAsync();

        var texts = SmsCarts.PickedUpTexts(_app);
        var french = Assert.Single(texts, t => t.GetProperty("to").GetString() == "+33612345678").GetProperty("body").GetString()!;
        Assert.StartsWith("Alpine & Co. (demo): Ana, il reste Ridgeline Down Jacket dans votre panier : http://localhost/s/", french, StringComparison.Ordinal);
        var english = Assert.Single(texts, t => t.GetProperty("to").GetString() == "+33612345679").GetProperty("body").GetString()!;
        Assert.StartsWith("Alpine & Co. (demo): Ana, your cart (€189.00) is waiting for you", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_TextLongerThanTheStoresParts_Is422WithItsPartsAndSavesNothing()
    {
        var store = await _app.DemoStoreAsync();
        await _app.Service<ISmsSettingsRepository>().SaveAsync(store.Id, new SmsSettings { MaxParts = 1 }, _app.Time.GetUtcNow(), Ct);
        var longText = "{{ customer.first_name }}, " + string.Concat(Enumerable.Repeat("vos articles vous attendent toujours, ", 4)) + "{{ short_url }}";

        var problem = await SmsCarts.JsonAsync(await PutAsync(store.Id, "sms-reminder/en/text", longText), HttpStatusCode.UnprocessableEntity);

        Assert.Matches(@"^The text makes 2 parts \(\d+ characters, Gsm7\) in 'en' with the shop name, the short link and the opt-out mention; this store allows at most 1 parts$",
            problem.GetProperty("detail").GetString()!);
        Assert.Empty(await _app.Service<ITemplateRepository>().ListAsync(store.Id, Ct));
    }

    [Theory]
    [InlineData("sms-reminder/en/html", "part")]
    [InlineData("sms-reminder/en/subject", "part")]
    [InlineData("sms-reminder/de/text", "locale")]
    [InlineData("sms-welcome/en/text", "name")]
    public async Task Put_WhatATextDoesNotHave_Is400NamingTheField(string path, string field)
    {
        var store = await _app.DemoStoreAsync();

        var problem = await SmsCarts.JsonAsync(await PutAsync(store.Id, path, "Hello {{ short_url }}"), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Empty(await _app.Service<ITemplateRepository>().ListAsync(store.Id, Ct));
    }

    [Fact]
    public async Task Delete_OwnText_SendsTheBuiltInAgain()
    {
        var store = await _app.DemoStoreAsync();
        await SmsCarts.JsonAsync(await PutAsync(store.Id, "sms-reminder/fr/text", OwnFrench), HttpStatusCode.OK);

        var deleted = await _api.DeleteAsync($"/api/stores/{store.Id}/templates/sms-reminder/fr/text", Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await _app.Service<ITemplateRepository>().ListAsync(store.Id, Ct));
    }
}
