using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Tests.Features.Sms;

/// <summary>An SMS step through the sequence API: accepted with its template, checked against the store's parts, previewed with its cost.</summary>
public sealed class SmsSequenceApiTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly CartRecoveryAppFactory _app = new();
    private readonly HttpClient _api;

    public SmsSequenceApiTests() => _api = _app.AdminClient();

    public void Dispose()
    {
        _api.Dispose();
        _app.Dispose();
    }

    private static object WithText(string? template = null) => new
    {
        name = "Email then text",
        steps = new object[]
        {
            new { delaySeconds = 3600, channel = "email", template = "reminder" },
            new { delaySeconds = 7200, channel = "sms", template },
        },
    };

    [Fact]
    public async Task Create_WithAnSmsStep_SavesItWithTheBuiltInTemplateAndPreviewsItsText()
    {
        var store = await _app.DemoStoreAsync();

        var created = await SmsCarts.JsonAsync(await _api.PostAsJsonAsync($"/api/stores/{store.Id}/sequences", WithText(), Ct), HttpStatusCode.Created);

        var step = created.GetProperty("steps")[1];
        Assert.Equal(("sms", "sms-reminder"), (step.GetProperty("channel").GetString(), step.GetProperty("template").GetString()));
        var id = created.GetProperty("id").GetInt64();
        var preview = await SmsCarts.JsonAsync(await _api.GetAsync($"/api/stores/{store.Id}/sequences/{id}/preview?step=2", Ct), HttpStatusCode.OK);
        var text = preview.GetProperty("text").GetString()!;
        Assert.StartsWith("Alpine & Co. (demo): Alex, your cart (€54.00) is waiting for you: http://localhost/s/", text, StringComparison.Ordinal);
        Assert.EndsWith("\nReply STOP to opt out", text, StringComparison.Ordinal);
        Assert.Equal(("sms", "GSM-7", 1), (preview.GetProperty("channel").GetString(), preview.GetProperty("encoding").GetString(), preview.GetProperty("parts").GetInt32()));
        Assert.Equal(text.Length, preview.GetProperty("characters").GetInt32());
        Assert.Equal("0.0800 EUR", preview.GetProperty("estimatedCost").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Create_WhenTheTextNeedsMorePartsThanTheStoreAllows_Is400WithPartsAndCharactersAndSavesNothing()
    {
        var store = await _app.DemoStoreAsync();
        store = await _app.Service<IStoreRepository>().UpsertAsync(store with { Name = "The Very Long Name Of An Alpine Outdoor Equipment Shop In Chamonix" }, Ct);
        await _app.Service<ISmsSettingsRepository>().SaveAsync(store.Id, new SmsSettings { MaxParts = 1 }, _app.Time.GetUtcNow(), Ct);

        var problem = await SmsCarts.JsonAsync(await _api.PostAsJsonAsync($"/api/stores/{store.Id}/sequences", WithText(), Ct), HttpStatusCode.BadRequest);

        var error = problem.GetProperty("errors").GetProperty("steps[1].template")[0].GetString()!;
        Assert.Matches(@"^steps\[1\]\.template makes a text of 2 parts \(1\d\d characters, Gsm7\) in 'en' with the shop name and the opt-out mention; this store allows at most 1 parts$", error);
        var list = await SmsCarts.JsonAsync(await _api.GetAsync($"/api/stores/{store.Id}/sequences", Ct), HttpStatusCode.OK);
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task Create_WithAnEmailTemplateOnAnSmsStep_Is400NamingTheField()
    {
        var store = await _app.DemoStoreAsync();

        var problem = await SmsCarts.JsonAsync(await _api.PostAsJsonAsync($"/api/stores/{store.Id}/sequences", WithText("reminder"), Ct), HttpStatusCode.BadRequest);

        Assert.Equal("steps[1].template must be one of sms-reminder", problem.GetProperty("errors").GetProperty("steps[1].template")[0].GetString());
    }
}
