using System.Net;
using System.Text;
using System.Text.Json;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Tests.Features.Stores;

public sealed class SendingPolicyApiTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _app.Dispose();

    private Task<HttpResponseMessage> PutAsync(long storeId, string json) =>
        _app.AdminClient().PutAsync($"/api/stores/{storeId}/sending-policy", new StringContent(json, Encoding.UTF8, "application/json"), _ct);

    [Fact]
    public async Task Get_ForAStoreWithoutAPolicy_ShowsTheDefaults()
    {
        var store = await _app.DemoStoreAsync();

        var body = await _app.AdminClient().GetStringAsync($"/api/stores/{store.Id}/sending-policy", _ct);

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("account").ValueKind);
        Assert.Equal(2, root.GetProperty("frequencyCap").GetProperty("maxEmails").GetInt32());
        Assert.Equal(7, root.GetProperty("frequencyCap").GetProperty("windowDays").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("quietHours").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("maxCartAgeHours").ValueKind);
        Assert.Equal("all", root.GetProperty("consent").GetString());
        Assert.Equal(365, root.GetProperty("retentionDays").GetInt32());
        Assert.Equal((30, 3), (root.GetProperty("offers").GetProperty("cooldownDays").GetInt32(), root.GetProperty("offers").GetProperty("farmingAbandons").GetInt32()));
    }

    [Fact]
    public async Task Put_SavesEveryField_AndGetReadsItBack()
    {
        var store = await _app.DemoStoreAsync();

        var response = await PutAsync(store.Id, """
            {"account":" agency-7 ","frequencyCap":{"maxEmails":3,"windowDays":14},"quietHours":{"start":"21:30","end":"08:00"},
             "maxCartAgeHours":48,"consent":"subscribed-only","retentionDays":90,
             "offers":{"cooldownDays":60,"farmingAbandons":0,"returningCustomerOffer":{"kind":"percentage","value":15,"validForHours":72}}}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new SendingPolicy
        {
            Account = "agency-7",
            FrequencyCap = new FrequencyCap(3, TimeSpan.FromDays(14)),
            QuietHours = new QuietHours(new TimeOnly(21, 30), new TimeOnly(8, 0)),
            MaxCartAge = TimeSpan.FromHours(48),
            Consent = ConsentRule.SubscribedOnly,
            RetentionDays = 90,
            Offers = new(CooldownDays: 60, FarmingAbandons: 0, new Core.Sequences.OfferSpec(Core.Sequences.OfferKind.Percentage, 15, TimeSpan.FromHours(72))),
        }, await _app.Service<IStorePolicyRepository>().GetAsync(store.Id, _ct));
        Assert.Equal(await response.Content.ReadAsStringAsync(_ct),
            await _app.AdminClient().GetStringAsync($"/api/stores/{store.Id}/sending-policy", _ct));
    }

    [Fact]
    public async Task Put_WithOmittedFields_GivesThemTheirDefaults()
    {
        var store = await _app.DemoStoreAsync();
        await PutAsync(store.Id, """{"account":"a","quietHours":{"start":"22:00","end":"07:00"},"consent":"subscribed-only"}""");

        Assert.Equal(HttpStatusCode.OK, (await PutAsync(store.Id, "{}")).StatusCode);

        Assert.Equal(SendingPolicy.Default, await _app.Service<IStorePolicyRepository>().GetAsync(store.Id, _ct));
    }

    [Theory]
    [InlineData("""{"account":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}""", "account")]
    [InlineData("""{"frequencyCap":{"maxEmails":-1}}""", "frequencyCap.maxEmails")]
    [InlineData("""{"frequencyCap":{"maxEmails":2,"windowDays":0}}""", "frequencyCap.windowDays")]
    [InlineData("""{"quietHours":{"start":"25:00","end":"08:00"}}""", "quietHours.start")]
    [InlineData("""{"quietHours":{"start":"21:00"}}""", "quietHours.end")]
    [InlineData("""{"quietHours":{"start":"08:00","end":"08:00"}}""", "quietHours")]
    [InlineData("""{"maxCartAgeHours":0}""", "maxCartAgeHours")]
    [InlineData("""{"consent":"opt-out"}""", "consent")]
    [InlineData("""{"retentionDays":0}""", "retentionDays")]
    [InlineData("""{"offers":{"cooldownDays":-1}}""", "offers.cooldownDays")]
    [InlineData("""{"offers":{"farmingAbandons":21}}""", "offers.farmingAbandons")]
    [InlineData("""{"offers":{"returningCustomerOffer":{"kind":"percentage","value":150}}}""", "offers.returningCustomerOffer.value")]
    [InlineData("""{"offers":{"returningCustomerOffer":{"kind":"gift"}}}""", "offers.returningCustomerOffer.kind")]
    [InlineData("""{"offers":{"returningCustomerOffer":{"kind":"free-shipping","validForHours":0}}}""", "offers.returningCustomerOffer.validForHours")]
    public async Task Put_WithABadValue_Is400NamingTheFieldAndChangesNothing(string body, string field)
    {
        var store = await _app.DemoStoreAsync();

        var response = await PutAsync(store.Id, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Equal(SendingPolicy.Default, await _app.Service<IStorePolicyRepository>().GetAsync(store.Id, _ct));
    }

    [Fact]
    public async Task Policy_ForAnUnknownStore_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _app.AdminClient().GetAsync("/api/stores/999/sending-policy", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutAsync(999, "{}")).StatusCode);
    }
}
