using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CartRecovery.Web.Tests.Features.Admin;

public sealed class QuestionnaireApiTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();

    public void Dispose() => _app.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(2, "MostlyManual", "gentle")]
    [InlineData(3, "Hybrid", "standard")]
    [InlineData(4, "FullyAutomated", "automated")]
    public async Task Questionnaire_RecommendsALevelAndItsPreset(int everyAnswer, string level, string sequence)
    {
        var response = await _app.AdminClient().PostAsJsonAsync("/api/questionnaire", new
        {
            storeSize = everyAnswer, productComplexity = everyAnswer, basketValue = everyAnswer, clientele = everyAnswer, brandPositioning = everyAnswer,
        }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal((everyAnswer * 5, level, sequence),
            (json.RootElement.GetProperty("score").GetInt32(), json.RootElement.GetProperty("level").GetString(), json.RootElement.GetProperty("sequence").GetString()));
    }

    [Fact]
    public async Task Questionnaire_WithMissingOrOutOfRangeAnswers_Is400NamingEachField()
    {
        var response = await _app.AdminClient().PostAsJsonAsync("/api/questionnaire", new { storeSize = 6, productComplexity = 3, basketValue = 0, clientele = 3 }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["basketValue", "brandPositioning", "storeSize"], fields);
    }
}
