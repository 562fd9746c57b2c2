using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartRecovery.Connectors.Demo;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using MimeKit;

namespace CartRecovery.Web.Tests.Features.Sequences;

/// <summary>The "done when": a merchant defines a two-variant, three-step hybrid sequence, watches it run on the demo store and reads per-variant results.</summary>
public sealed class SequenceDemoTests : IDisposable
{
    private const string SubjectB = "B: {{ customer.first_name }}, your basket misses you";

    private readonly CartRecoveryAppFactory _app = new(demo: true);
    private readonly RecoveryDriver _drive;

    public SequenceDemoTests() => _drive = new RecoveryDriver(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TwoVariantHybridSequence_RunsOnTheDemoStore_AndReportsResultsPerVariant()
    {
        var store = (await _app.Service<IStoreRepository>().FindAsync(Platforms.Demo, DemoCatalog.StoreKey, _drive.Ct))!;
        using var api = _app.AdminClient();
        var definition = new
        {
            name = "Demo A/B hybrid",
            steps = new object[]
            {
                new { delaySeconds = 5, channel = "email", template = "reminder", variants = new object[] { new { key = "a" }, new { key = "b", subject = SubjectB } } },
                new { delaySeconds = 20, channel = "email", template = "offer", offer = new { kind = "percentage", value = 10, validForHours = 48 } },
                new { delaySeconds = 40, channel = "task" },
            },
        };
        var created = await api.PostAsJsonAsync($"/api/stores/{store.Id}/sequences", definition, _drive.Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var path = created.Headers.Location!.OriginalString;

        var poller = _app.Service<IEnumerable<IStorePoller>>().Single(p => p.Platform == Platforms.Demo);
        for (var second = 0; second < 180; second++)
        {
            await poller.PollAsync(store, _drive.Ct);
            await _drive.DetectAsync();
            await _drive.DispatchAsync();
            _drive.Advance(TimeSpan.FromSeconds(1));
        }

        using var results = JsonDocument.Parse(await api.GetStringAsync(path + "/results", _drive.Ct));
        var steps = results.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], steps.Select(s => s.GetProperty("step").GetInt32()));
        var variants = steps[0].GetProperty("variants").EnumerateArray().ToDictionary(v => v.GetProperty("variant").GetString()!);
        Assert.Equal(["a", "b"], variants.Keys);
        Assert.All(variants.Values, v => Assert.True(v.GetProperty("sent").GetInt64() > 0, "a variant was never sent"));
        Assert.True(variants.Values.Sum(v => v.GetProperty("recovered").GetInt64()) > 0, "no cart was recovered by step 1");
        Assert.True(variants.Values.Sum(v => v.GetProperty("clicked").GetInt64()) > 0, "no step 1 link was clicked");
        Assert.Equal(JsonValueKind.Null, variants["a"].GetProperty("recoveryVsFirst").ValueKind);
        Assert.Equal("not enough data", variants["b"].GetProperty("recoveryVsFirst").GetProperty("summary").GetString());
        Assert.True(steps[2].GetProperty("variants")[0].GetProperty("sent").GetInt64() > 0, "no follow-up task was created");

        // What the results count is what went out: variant b's emails carry its subject, variant a's the template's.
        var emails = _app.PickedUpEmails().Select(f => MimeMessage.Load(f)).ToList();
        Assert.Equal(variants["b"].GetProperty("sent").GetInt64(), emails.Count(m => m.Subject?.StartsWith("B: ", StringComparison.Ordinal) == true));
        Assert.Equal(variants.Values.Sum(v => v.GetProperty("sent").GetInt64()) + steps[1].GetProperty("variants")[0].GetProperty("sent").GetInt64(), emails.Count);
    }
}
