using System.Net;
using System.Text.Json;

namespace CartRecovery.Web.Tests.Features.Admin;

public sealed class PreviewApiTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private readonly RecoveryDriver _drive;

    public PreviewApiTests() => _drive = new RecoveryDriver(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Preview_OfARealCartsOfferStep_RendersItWithHeadersAndSendsNothing()
    {
        var store = await _app.DemoStoreAsync();
        await _drive.ReportCartAsync(store, "chk-preview");
        var cart = (await _drive.CartAsync(store, "chk-preview"))!;

        using var json = JsonDocument.Parse(await _app.AdminClient().GetStringAsync($"/api/stores/{store.Id}/preview?step=2&cartId={cart.Id}", _drive.Ct));
        var root = json.RootElement;

        Assert.Equal("offer", root.GetProperty("template").GetString());
        Assert.Contains("Ridgeline Down Jacket", root.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains("PREVIEW-CODE", root.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", root.GetProperty("headers").GetProperty("List-Unsubscribe-Post").GetString());
        Assert.Empty(_app.PickedUpEmails());
    }

    [Fact]
    public async Task Preview_WithoutACart_UsesASampleCart()
    {
        var store = await _app.DemoStoreAsync();

        var response = await _app.AdminClient().GetAsync($"/api/stores/{store.Id}/preview", _drive.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(_drive.Ct);
        Assert.Contains("Sample product", body, StringComparison.Ordinal);
        // The built-in template's "You may also like" block shows with sample products, so the merchant sees it.
        Assert.Contains("Sample related product", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?step=3", "step")]
    [InlineData("?step=9", "step")]
    [InlineData("?cartId=424242", "cartId")]
    public async Task Preview_WithABadStepOrCart_Is400NamingTheField(string query, string field)
    {
        var store = await _app.DemoStoreAsync();

        var response = await _app.AdminClient().GetAsync($"/api/stores/{store.Id}/preview{query}", _drive.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_drive.Ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }
}
