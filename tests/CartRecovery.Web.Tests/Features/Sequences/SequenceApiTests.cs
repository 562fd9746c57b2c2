using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using MimeKit;

namespace CartRecovery.Web.Tests.Features.Sequences;

public sealed class SequenceApiTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private readonly RecoveryDriver _drive;
    private readonly HttpClient _api;

    public SequenceApiTests()
    {
        _drive = new RecoveryDriver(_app);
        _api = _app.AdminClient();
    }

    public void Dispose()
    {
        _api.Dispose();
        _app.Dispose();
    }

    private static object Reminder(string subject) => new
    {
        name = "Quick reminder",
        steps = new object[] { new { delaySeconds = 60, channel = "email", template = "reminder", variants = new object[] { new { key = "a", subject }, new { key = "b", subject } } } },
    };

    private async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(_drive.Ct);
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Post_HybridPreset_CreatesVersion1OfItsThreeSteps()
    {
        var store = await _app.DemoStoreAsync();

        var response = await _api.PostAsJsonAsync($"/api/stores/{store.Id}/sequences", new { preset = "hybrid", priority = 5 }, _drive.Ct);

        var created = await JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal($"/api/stores/{store.Id}/sequences/{created.GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);
        Assert.Equal((1, "standard", 5, true), (created.GetProperty("version").GetInt32(), created.GetProperty("name").GetString(),
            created.GetProperty("priority").GetInt32(), created.GetProperty("active").GetBoolean()));
        Assert.Equal(["email 3600 ", "email 86400 percentage", "task 172800 "], created.GetProperty("steps").EnumerateArray().Select(s =>
            $"{s.GetProperty("channel").GetString()} {s.GetProperty("delaySeconds").GetInt64()} "
            + (s.GetProperty("offer").ValueKind == JsonValueKind.Object ? s.GetProperty("offer").GetProperty("kind").GetString() : "")));
    }

    [Fact]
    public async Task Post_InvalidDefinition_Is400NamingEachFieldAndSavesNothing()
    {
        var store = await _app.DemoStoreAsync();
        var request = new
        {
            name = "Broken",
            conditions = new { customer = "vip", countries = new[] { "France" } },
            steps = new object[]
            {
                new { delaySeconds = 60, channel = "fax", template = "reminder" },
                new { delaySeconds = 30, channel = "email", template = "nope", variants = new object[] { new { key = "a" }, new { key = "b", subject = "{{ cart.total | monye }}" } } },
                new { delaySeconds = 90, channel = "email", template = "offer", offer = new { kind = "percentage", value = 0 } },
            },
        };

        var response = await _api.PostAsJsonAsync($"/api/stores/{store.Id}/sequences", request, _drive.Ct);

        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
        [
            "conditions.countries[0]", "conditions.customer", "steps[0].channel", "steps[1].delaySeconds", "steps[1].template",
            "steps[1].variants[1].subject", "steps[2].offer.value",
        ], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("monye", problem.GetProperty("errors").GetProperty("steps[1].variants[1].subject")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await JsonAsync(await _api.GetAsync($"/api/stores/{store.Id}/sequences", _drive.Ct), HttpStatusCode.OK)).GetArrayLength());
    }

    [Theory]
    [InlineData(9223372036854775807L)]
    [InlineData(100_000_001L)]
    [InlineData(0L)]
    public async Task Post_FixedAmountOfferOutOfBounds_Is400NamingTheValue(long value)
    {
        var store = await _app.DemoStoreAsync();
        var request = new
        {
            name = "Generous",
            steps = new object[] { new { delaySeconds = 3600, channel = "email", template = "offer", offer = new { kind = "fixed-amount", value, validForHours = 48 } } },
        };

        var response = await _api.PostAsJsonAsync($"/api/stores/{store.Id}/sequences", request, _drive.Ct);

        var problem = await JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["steps[0].offer.value"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Preview_ShowsEachVariantOfTheStepSideBySide()
    {
        var store = await _app.DemoStoreAsync();
        var request = new
        {
            name = "A/B",
            steps = new object[]
            {
                new { delaySeconds = 60, channel = "email", template = "reminder",
                    variants = new object[] { new { key = "a" }, new { key = "b", subject = "{{ customer.first_name }}, one more look?", template = "offer" } } },
            },
        };
        var created = await JsonAsync(await _api.PostAsJsonAsync($"/api/stores/{store.Id}/sequences", request, _drive.Ct), HttpStatusCode.Created);

        var preview = await JsonAsync(await _api.GetAsync($"/api/stores/{store.Id}/sequences/{created.GetProperty("id").GetInt64()}/preview?step=1", _drive.Ct),
            HttpStatusCode.OK);

        var variants = preview.GetProperty("variants").EnumerateArray().ToList();
        Assert.Equal([("a", "reminder"), ("b", "offer")], variants.Select(v => (v.GetProperty("variant").GetString(), v.GetProperty("template").GetString())));
        Assert.Equal("Alex, one more look?", variants[1].GetProperty("subject").GetString());
        Assert.NotEqual(variants[0].GetProperty("subject").GetString(), variants[1].GetProperty("subject").GetString());
    }

    [Fact]
    public async Task UnknownStoreOrSequence_Is404()
    {
        var store = await _app.DemoStoreAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/api/stores/404/sequences", _drive.Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.PostAsJsonAsync("/api/stores/404/sequences", new { preset = "gentle" }, _drive.Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"/api/stores/{store.Id}/sequences/999", _drive.Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.PutAsJsonAsync($"/api/stores/{store.Id}/sequences/999", new { preset = "gentle" }, _drive.Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.DeleteAsync($"/api/stores/{store.Id}/sequences/999", _drive.Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"/api/stores/{store.Id}/sequences/999/versions", _drive.Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"/api/stores/{store.Id}/sequences/999/results", _drive.Ct)).StatusCode);
    }

    [Fact]
    public async Task Put_AfterACartEnrolled_SendsItTheVersionItWasPlannedWith()
    {
        var store = await _app.DemoStoreAsync();
        var created = await JsonAsync(await _api.PostAsJsonAsync($"/api/stores/{store.Id}/sequences", Reminder("Version one"), _drive.Ct), HttpStatusCode.Created);
        var path = $"/api/stores/{store.Id}/sequences/{created.GetProperty("id").GetInt64()}";
        await _drive.ReportCartAsync(store, "chk-v1");
        _drive.Advance(store.AbandonAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _drive.DetectAsync());

        var updated = await JsonAsync(await _api.PutAsJsonAsync(path, Reminder("Version two"), _drive.Ct), HttpStatusCode.OK);
        await _drive.ReportCartAsync(store, "chk-v2", email: "bo@example.com");
        _drive.Advance(store.AbandonAfter + TimeSpan.FromSeconds(1));
        await _drive.DetectAsync();
        _drive.Advance(TimeSpan.FromMinutes(2));
        await _drive.DispatchAsync();

        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        var subjects = _app.PickedUpEmails().Select(f => MimeMessage.Load(f)).ToDictionary(m => m.To.Mailboxes.Single().Address, m => m.Subject);
        Assert.Equal("Version one", subjects["ana@example.com"]);
        Assert.Equal("Version two", subjects["bo@example.com"]);
        var versions = await JsonAsync(await _api.GetAsync(path + "/versions", _drive.Ct), HttpStatusCode.OK);
        Assert.Equal([(1, false), (2, true)], versions.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("active").GetBoolean())));
    }

    [Fact]
    public async Task DelayTest_SendsEachVariantAtItsOwnWait_AndTheResultsSayWhichWaitIsWhich()
    {
        var store = await _app.DemoStoreAsync();
        var definition = new
        {
            name = "When to remind",
            steps = new object[]
            {
                new { delaySeconds = 60, channel = "email", template = "reminder", variants = new object[] { new { key = "soon" }, new { key = "late", delaySeconds = 600 } } },
            },
        };
        var created = await JsonAsync(await _api.PostAsJsonAsync($"/api/stores/{store.Id}/sequences", definition, _drive.Ct), HttpStatusCode.Created);
        var path = $"/api/stores/{store.Id}/sequences/{created.GetProperty("id").GetInt64()}";
        Assert.Equal(["", "600"], created.GetProperty("steps")[0].GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("delaySeconds").ToString()));
        for (var i = 0; i < 10; i++)
            await _drive.ReportCartAsync(store, $"chk-delay-{i}", email: $"shopper{i}@example.com");
        _drive.Advance(store.AbandonAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(10, await _drive.DetectAsync());

        _drive.Advance(TimeSpan.FromSeconds(61));
        await _drive.DispatchAsync();
        var early = await SentByVariantAsync(path + "/results");
        _drive.Advance(TimeSpan.FromSeconds(540));
        await _drive.DispatchAsync();
        var all = await SentByVariantAsync(path + "/results");

        Assert.True(early["soon"].Sent > 0 && early.GetValueOrDefault("late").Sent == 0, string.Join(", ", early));
        Assert.Equal(early["soon"].Sent, all["soon"].Sent);
        Assert.Equal(10, all["soon"].Sent + all["late"].Sent);
        Assert.Equal(10, _app.PickedUpEmails().Length);
        Assert.Equal((60L, 600L), (all["soon"].Wait, all["late"].Wait));
    }

    private async Task<Dictionary<string, (long Sent, long Wait)>> SentByVariantAsync(string results)
    {
        var json = await JsonAsync(await _api.GetAsync(results, _drive.Ct), HttpStatusCode.OK);
        return json.GetProperty("steps").EnumerateArray().SelectMany(s => s.GetProperty("variants").EnumerateArray())
            .ToDictionary(v => v.GetProperty("variant").GetString()!, v => (v.GetProperty("sent").GetInt64(), v.GetProperty("delaySeconds").GetInt64()));
    }

    [Fact]
    public async Task Delete_DeactivatesSoTheStoresPresetAppliesAgain()
    {
        var store = await _app.DemoStoreAsync();
        var created = await JsonAsync(await _api.PostAsJsonAsync($"/api/stores/{store.Id}/sequences",
            new { preset = "gentle", conditions = new { countries = new[] { "JP" } } }, _drive.Ct), HttpStatusCode.Created);
        var path = $"/api/stores/{store.Id}/sequences/{created.GetProperty("id").GetInt64()}";

        // While it is active, a cart from elsewhere matches none of the store's sequences.
        await _drive.ReportCartAsync(store, "chk-none");
        _drive.Advance(store.AbandonAfter + TimeSpan.FromSeconds(1));
        await _drive.DetectAsync();
        var none = (await _drive.CartAsync(store, "chk-none"))!;
        Assert.Empty(await _app.Service<IMessageRepository>().ListForCartAsync(none.Id, _drive.Ct));
        Assert.Contains(await _app.Service<ICartRepository>().GetTimelineAsync(none.Id, _drive.Ct), e => e.Kind == CartEventKinds.NotEnrolled);

        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync(path, _drive.Ct)).StatusCode);
        await _drive.ReportCartAsync(store, "chk-preset");
        _drive.Advance(store.AbandonAfter + TimeSpan.FromSeconds(1));
        await _drive.DetectAsync();

        Assert.False((await JsonAsync(await _api.GetAsync(path, _drive.Ct), HttpStatusCode.OK)).GetProperty("active").GetBoolean());
        var preset = (await _drive.CartAsync(store, "chk-preset"))!;
        Assert.All(await _app.Service<IMessageRepository>().ListForCartAsync(preset.Id, _drive.Ct), m => Assert.Null(m.SequenceId));
        Assert.NotEmpty(await _app.Service<IMessageRepository>().ListForCartAsync(preset.Id, _drive.Ct));
    }

    [Fact]
    public async Task Reach_WhenTheOnlySequenceMatchesNoRecentCart_CountsZeroAndWarns()
    {
        var store = await _app.DemoStoreAsync();
        var japan = await JsonAsync(await _api.PostAsJsonAsync($"/api/stores/{store.Id}/sequences",
            new { preset = "gentle", conditions = new { countries = new[] { "JP" } } }, _drive.Ct), HttpStatusCode.Created);
        await _drive.ReportCartAsync(store, "chk-a", "ana@example.com");
        await _drive.ReportCartAsync(store, "chk-b", "bea@example.com");
        _drive.Advance(store.AbandonAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(2, await _drive.DetectAsync());

        var reach = await JsonAsync(await _api.GetAsync($"/api/stores/{store.Id}/sequences/reach", _drive.Ct), HttpStatusCode.OK);

        Assert.Equal((2, 2), (reach.GetProperty("carts").GetInt32(), reach.GetProperty("unmatched").GetInt32()));
        var only = Assert.Single(reach.GetProperty("sequences").EnumerateArray());
        Assert.Equal((japan.GetProperty("id").GetInt64(), 0), (only.GetProperty("sequenceId").GetInt64(), only.GetProperty("carts").GetInt32()));
        Assert.StartsWith("None of the store's active sequences matches any of its 2 carts", reach.GetProperty("warning").GetString(), StringComparison.Ordinal);

        var everyone = await JsonAsync(await _api.PostAsJsonAsync($"/api/stores/{store.Id}/sequences", new { preset = "gentle" }, _drive.Ct), HttpStatusCode.Created);
        reach = await JsonAsync(await _api.GetAsync($"/api/stores/{store.Id}/sequences/reach", _drive.Ct), HttpStatusCode.OK);

        Assert.Equal(0, reach.GetProperty("unmatched").GetInt32());
        Assert.Contains(reach.GetProperty("sequences").EnumerateArray(),
            c => c.GetProperty("sequenceId").GetInt64() == everyone.GetProperty("id").GetInt64() && c.GetProperty("carts").GetInt32() == 2);
        Assert.False(reach.TryGetProperty("warning", out var warning) && warning.ValueKind != JsonValueKind.Null);
    }
}
