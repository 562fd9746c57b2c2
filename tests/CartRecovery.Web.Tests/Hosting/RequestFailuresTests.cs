using System.Net;
using System.Text;
using System.Text.Json;
using CartRecovery.Core.Stores;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace CartRecovery.Web.Tests.Hosting;

/// <summary>An admin API body that does not parse: a problem that says what is wrong and where, in production too.</summary>
public sealed class RequestFailuresTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new(settings: new Dictionary<string, string?>
    {
        // Outside Development the framework answers a body it cannot read with a bare 400 unless told otherwise.
        [WebHostDefaults.EnvironmentKey] = Environments.Production,
    });

    public void Dispose() => _app.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/stores", "{\"platform\": \"shopify\",, \"shopDomain\": \"x\"}", 1, 24)]
    [InlineData("/api/stores", "{\n  \"platform\": shopify\n}", 2, 15)]
    [InlineData("/api/accounts", "{\"name\": \"Agency\"", 1, 18)]
    public async Task Post_BodyThatDoesNotParse_Is400ProblemWithThePosition(string path, string body, int line, int bytePosition)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await _app.AdminClient().PostAsync(path, content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var detail = problem.RootElement.GetProperty("detail").GetString();
        Assert.Contains($"At line {line}, byte {bytePosition}", detail, StringComparison.Ordinal);
        Assert.Equal(line, problem.RootElement.GetProperty("line").GetInt32());
        Assert.Equal(bytePosition, problem.RootElement.GetProperty("bytePositionInLine").GetInt32());
        Assert.Empty(await _app.Service<IStoreRepository>().ListAsync(Ct));
    }

    [Fact]
    public async Task Post_ValueOfTheWrongType_NamesItsPath()
    {
        using var content = new StringContent("{\"platform\": 42}", Encoding.UTF8, "application/json");

        var response = await _app.AdminClient().PostAsync("/api/stores", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("$.platform", problem.RootElement.GetProperty("path").GetString());
        Assert.Contains("($.platform)", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
