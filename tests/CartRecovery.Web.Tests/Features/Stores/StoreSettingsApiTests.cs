using System.Net;
using System.Text;
using System.Text.Json;

namespace CartRecovery.Web.Tests.Features.Stores;

public sealed class StoreSettingsApiTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private readonly RecoveryDriver _drive;

    public StoreSettingsApiTests() => _drive = new RecoveryDriver(_app);

    public void Dispose() => _app.Dispose();

    private Task<HttpResponseMessage> PatchAsync(long storeId, string json) =>
        _app.AdminClient().PatchAsync($"/api/stores/{storeId}", new StringContent(json, Encoding.UTF8, "application/json"), _drive.Ct);

    [Fact]
    public async Task Settings_WhenSaved_ShowInTheNextEmailsBrandingAndReplyTo()
    {
        var store = await _app.DemoStoreAsync();

        var response = await PatchAsync(store.Id, """
            {"replyTo":"help@alpine.example","logoUrl":"https://cdn.alpine.example/logo.png","brandColor":"#0b6e4f",
             "postalAddress":"12 <b>Rue</b> des Alpes, 74000 Annecy","senderName":"Alpine Team"}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, email) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-brand");
        Assert.Equal("help@alpine.example", email.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal("Alpine Team", email.From.Mailboxes.Single().Name);
        Assert.Contains("src=\"https://cdn.alpine.example/logo.png\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("background-color:#0b6e4f", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("12 &lt;b&gt;Rue&lt;/b&gt; des Alpes", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("12 <b>Rue</b> des Alpes", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_WithAnEmptyString_ClearAnOptionalValue()
    {
        var store = await _app.DemoStoreAsync();
        await PatchAsync(store.Id, """{"replyTo":"help@alpine.example"}""");

        var cleared = await PatchAsync(store.Id, """{"replyTo":""}""");

        using var json = JsonDocument.Parse(await cleared.Content.ReadAsStringAsync(_drive.Ct));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("replyTo").ValueKind);
    }

    [Theory]
    [InlineData("""{"senderEmail":"nope"}""", "senderEmail")]
    [InlineData("""{"replyTo":"still nope"}""", "replyTo")]
    [InlineData("""{"logoUrl":"http://insecure.example/logo.png"}""", "logoUrl")]
    [InlineData("""{"logoUrl":"https://user:secret@cdn.example/logo.png"}""", "logoUrl")]
    [InlineData("""{"logoUrl":"javascript:alert(1)"}""", "logoUrl")]
    [InlineData("""{"brandColor":"red; background:url(x)"}""", "brandColor")]
    [InlineData("""{"messageStream":"Broadcast Stream"}""", "messageStream")]
    [InlineData("""{"timeZone":"Mars/Olympus"}""", "timeZone")]
    [InlineData("""{"abandonAfterMinutes":0}""", "abandonAfterMinutes")]
    [InlineData("""{"sequence":"aggressive"}""", "sequence")]
    [InlineData("""{"senderName":"Alpine\r\nBcc: everyone@example.com"}""", "senderName")]
    [InlineData("""{"senderName":"Alpine\u0000Team"}""", "senderName")]
    [InlineData("""{"senderName":"Alpine\u001bTeam"}""", "senderName")]
    [InlineData("""{"senderName":"Alpine\u2028Team"}""", "senderName")]
    public async Task Settings_WithABadValue_Are400NamingTheFieldAndChangeNothing(string body, string field)
    {
        var store = await _app.DemoStoreAsync();

        var response = await PatchAsync(store.Id, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_drive.Ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Equal(store, await _app.Service<Core.Stores.IStoreRepository>().GetAsync(store.Id, _drive.Ct));
    }

    [Fact]
    public async Task Settings_ForAnUnknownStore_Are404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await PatchAsync(999, """{"senderName":"x"}""")).StatusCode);
    }

    [Fact]
    public async Task FrenchShop_SendsFrenchEmailsToCustomersWithoutALanguageOfTheirOwn()
    {
        var store = await _app.DemoStoreAsync();
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(store.Id, """{"locale":"fr"}""")).StatusCode);
        var now = _app.Time.GetUtcNow();
        var line = new Core.Carts.CartLine("Veste en duvet", 1, 18900);
        await _app.Service<Core.Recovery.CartIngestion>().ReportCartAsync(new Core.Carts.CartSnapshot(store.Id, "chk-fr",
            new Core.Carts.CartContact("chloe@example.com", FirstName: "Chloé"), [line], "EUR", 18900, 18900, "http://localhost/demo/cart/chk-fr", now, now), _drive.Ct);
        _drive.Advance(TimeSpan.FromSeconds(11));
        await _drive.DetectAsync();
        _drive.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(1, (await _drive.DispatchAsync()).Sent);

        var email = MimeKit.MimeMessage.Load(Assert.Single(_app.PickedUpEmails()), _drive.Ct);
        Assert.Contains("panier", email.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("189,00", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Se désabonner", email.HtmlBody, StringComparison.Ordinal);
    }
}
