using System.Net;
using System.Text.Json;

namespace CartRecovery.Web.Tests.Features.Admin;

public sealed class AdminApiTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private readonly RecoveryDriver _drive;

    public AdminApiTests() => _drive = new RecoveryDriver(_app);

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key")]
    [InlineData("Basic dGVzdDp0ZXN0")]
    [InlineData("Bearer ")]
    [InlineData("Bearer test-admin-ke")]
    [InlineData("Bearer test-admin-key-and-more")]
    public async Task Get_WithoutTheKey_Is401ProblemJson(string? authorization)
    {
        var client = _app.BrowserClient();
        if (authorization is not null)
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.GetAsync("/api/stores", _drive.Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task GetStores_ListsConnectedStores()
    {
        var store = await _app.DemoStoreAsync();

        using var json = JsonDocument.Parse(await _app.AdminClient().GetStringAsync("/api/stores", _drive.Ct));

        var only = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(store.Id, only.GetProperty("id").GetInt64());
        Assert.Equal("demo", only.GetProperty("platform").GetString());
        Assert.Equal(10, only.GetProperty("abandonAfterSeconds").GetInt32());
    }

    [Fact]
    public async Task GetCarts_FiltersByStoreAndStatus()
    {
        var store = await _app.DemoStoreAsync();
        await _drive.AbandonAndSendFirstStepAsync(store, "chk-abandoned");
        // Another customer: a newer cart of the same one would replace the abandoned cart.
        await _drive.ReportCartAsync(store, "chk-active", "bob@example.com");

        using var abandoned = JsonDocument.Parse(await _app.AdminClient().GetStringAsync($"/api/carts?storeId={store.Id}&status=abandoned", _drive.Ct));
        using var all = JsonDocument.Parse(await _app.AdminClient().GetStringAsync($"/api/carts?storeId={store.Id}", _drive.Ct));

        Assert.Equal("chk-abandoned", Assert.Single(abandoned.RootElement.EnumerateArray()).GetProperty("externalId").GetString());
        Assert.Equal("Abandoned", abandoned.RootElement[0].GetProperty("status").GetString());
        Assert.Equal(2, all.RootElement.GetArrayLength());
    }

    [Theory]
    [InlineData("/api/carts?status=lost", "status")]
    [InlineData("/api/carts?status=7", "status")]
    [InlineData("/api/carts?take=0", "take")]
    [InlineData("/api/carts?take=5000", "take")]
    [InlineData("/api/carts?skip=-1", "skip")]
    public async Task GetCarts_WhenAQueryValueIsBad_Is400NamingTheField(string path, string field)
    {
        var response = await _app.AdminClient().GetAsync(path, _drive.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_drive.Ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task GetCarts_WhenAQueryValueIsNotANumber_Is400ProblemJson()
    {
        var response = await _app.AdminClient().GetAsync("/api/carts?storeId=abc", _drive.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetCart_WhenUnknown_Is404ProblemJson()
    {
        var response = await _app.AdminClient().GetAsync("/api/carts/424242", _drive.Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetCart_ShowsLinesMessagesAndTimeline()
    {
        var store = await _app.DemoStoreAsync();
        var (cart, _) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-detail");

        using var json = JsonDocument.Parse(await _app.AdminClient().GetStringAsync($"/api/carts/{cart.Id}", _drive.Ct));
        var root = json.RootElement;

        Assert.Equal("ana@example.com", root.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal("Ridgeline Down Jacket", root.GetProperty("lines")[0].GetProperty("title").GetString());
        Assert.Equal(4, root.GetProperty("messages").GetArrayLength()); // the demo sequence: two emails, a text, a follow-up task
        Assert.Equal("Sent", root.GetProperty("messages")[0].GetProperty("status").GetString());
        Assert.True(root.GetProperty("timeline").GetArrayLength() >= 3);
    }

    [Fact]
    public async Task GetMetrics_WhenStoreIsUnknown_Is404()
    {
        var response = await _app.AdminClient().GetAsync("/api/metrics?storeId=999", _drive.Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task UnknownApiRoute_IsProblemJsonNotAStackTrace()
    {
        var response = await _app.AdminClient().GetAsync("/api/nothing-here", _drive.Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
