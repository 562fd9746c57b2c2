using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartRecovery.Core.Messages;

namespace CartRecovery.Web.Tests.Features.Billing;

/// <summary>
/// Plans through the real host and database: a store over its plan keeps its carts and its emails wait (none is
/// dropped); a bigger plan lets them go within the hour; the month's usage statement counts what went out. The demo
/// store's sequence sends emails 5 s and 20 s after abandonment (cut-off 10 s).
/// </summary>
public sealed class PlanLimitTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new(settings: new Dictionary<string, string?>
    {
        ["Billing:Enabled"] = "true",
        ["Billing:DefaultPlan"] = "Taster",
        ["Billing:Plans:0:Name"] = "Taster",
        ["Billing:Plans:0:IncludedEmails"] = "1",
        ["Billing:Plans:1:Name"] = "Growth",
        ["Billing:Plans:1:MonthlyPrice"] = "29",
        ["Billing:Plans:1:IncludedEmails"] = "1000",
    });

    private readonly RecoveryDriver _drive;

    public PlanLimitTests() => _drive = new RecoveryDriver(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task OverItsPlan_AStoreKeepsItsEmailsWaiting_AndABiggerPlanSendsThemWithinTheHour()
    {
        var store = await _app.DemoStoreAsync();
        await _drive.ReportCartAsync(store, "chk-1", "ana@example.com");
        _drive.Advance(TimeSpan.FromSeconds(11));
        await _drive.DetectAsync();
        _drive.Advance(TimeSpan.FromSeconds(5));
        await _drive.DispatchAsync();
        _drive.Advance(TimeSpan.FromSeconds(15));
        await _drive.DispatchAsync();

        Assert.Single(_app.PickedUpEmails());
        var cart = (await _drive.CartAsync(store, "chk-1"))!;
        var waiting = (await _app.Service<IMessageRepository>().ListForCartAsync(cart.Id, _drive.Ct)).Single(m => m.Step == 2);
        Assert.Equal(MessageStatus.Pending, waiting.Status);
        using var admin = _app.AdminClient();
        using (var billing = JsonDocument.Parse(await admin.GetStringAsync($"/api/stores/{store.Id}/billing", _drive.Ct)))
        {
            Assert.Equal("Taster", billing.RootElement.GetProperty("plan").GetString());
            Assert.Equal(1, billing.RootElement.GetProperty("emailsSent").GetInt64());
            Assert.Contains("used up", billing.RootElement.GetProperty("sendingPausedReason").GetString(), StringComparison.Ordinal);
        }

        using var chosen = await admin.PutAsJsonAsync($"/api/stores/{store.Id}/billing", new { plan = "Growth" }, _drive.Ct);
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        _drive.Advance(TimeSpan.FromHours(1));
        await _drive.DispatchAsync();

        Assert.Equal(2, _app.PickedUpEmails().Length);
        var csv = await admin.GetStringAsync($"/api/usage?storeId={store.Id}&format=csv", _drive.Ct);
        var row = csv.Split("\r\n")[1].Split(',');
        Assert.Equal(("Growth", "2"), (row[3].Trim('"'), row[5]));
    }

    [Fact]
    public async Task ChoosingAPlan_ThatDoesNotExist_IsA400NamingThePlans()
    {
        var store = await _app.DemoStoreAsync();
        using var admin = _app.AdminClient();

        using var response = await admin.PutAsJsonAsync($"/api/stores/{store.Id}/billing", new { plan = "Gold" }, _drive.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Taster, Growth", await response.Content.ReadAsStringAsync(_drive.Ct), StringComparison.Ordinal);
    }
}
