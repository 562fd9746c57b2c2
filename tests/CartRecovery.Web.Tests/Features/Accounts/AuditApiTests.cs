using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CartRecovery.Web.Tests.Features.Accounts;

public sealed class AuditApiTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task StoreSettingsChange_IsAuditedWithTheKeyAndBeforeAndAfter()
    {
        var store = await _app.DemoStoreAsync();
        var key = await _app.AdminClient().CreateKeyAsync(store.AccountId, "settings bot", "member");

        var patched = await _app.BrowserClient().WithKey(key.Token).PatchAsync($"/api/stores/{store.Id}",
            new StringContent("""{"senderName":"Alpine Team"}""", Encoding.UTF8, "application/json"), Ct);
        var entry = (await AuditAsync(store.AccountId!.Value)).First(e => e.GetProperty("action").GetString() == "store.settings");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("ApiKey", entry.GetProperty("actorKind").GetString());
        Assert.Equal(key.Id, entry.GetProperty("actorId").GetInt64());
        Assert.Contains(key.Prefix, entry.GetProperty("actor").GetString(), StringComparison.Ordinal);
        Assert.Equal($"store:{store.Id}", entry.GetProperty("target").GetString());
        Assert.Equal(store.SenderName, entry.GetProperty("before").GetProperty("senderName").GetString());
        Assert.Equal("Alpine Team", entry.GetProperty("after").GetProperty("senderName").GetString());
    }

    [Fact]
    public async Task Suppression_IsAuditedWithoutTheAddressInClear()
    {
        var store = await _app.DemoStoreAsync();

        await _app.AdminClient().PostAsJsonAsync($"/api/stores/{store.Id}/suppressions", new { email = "Ana.Secret@Example.com" }, Ct);
        await _app.AdminClient().DeleteAsync($"/api/stores/{store.Id}/suppressions/ana.secret@example.com", Ct);
        var raw = await _app.AdminClient().GetStringAsync($"/api/audit?accountId={store.AccountId}", Ct);

        Assert.Contains("\"action\":\"suppression.add\"", raw, StringComparison.Ordinal);
        Assert.Contains("\"action\":\"suppression.remove\"", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", raw, StringComparison.OrdinalIgnoreCase);
        // The same address, however written, has the same fingerprint: entries about it can be found by hashing it again.
        var fingerprint = Web.Features.Audit.AuditTrail.Fingerprint(" ana.secret@example.COM ");
        Assert.Equal(2, raw.Split($"suppression:{fingerprint}").Length - 1);
        Assert.Equal("operator", (await AuditAsync(store.AccountId!.Value))[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Audit_ReadByTheOperatorWithoutAnAccount_Is400_AndByAnotherAccountsOwner_Is404()
    {
        var store = await _app.DemoStoreAsync();
        var other = await _app.AdminClient().CreateAccountAsync("Other", "other@example.com");
        var otherOwner = _app.BrowserClient().WithKey((await _app.AdminClient().CreateKeyAsync(other.Id, "owner", "owner")).Token);

        Assert.Equal(HttpStatusCode.BadRequest, (await _app.AdminClient().GetAsync("/api/audit", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOwner.GetAsync($"/api/audit?accountId={store.AccountId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.AdminClient().GetAsync($"/api/audit?accountId={store.AccountId}&take=0", Ct)).StatusCode);
    }

    private async Task<IReadOnlyList<JsonElement>> AuditAsync(long accountId)
    {
        var json = await _app.AdminClient().GetStringAsync($"/api/audit?accountId={accountId}", Ct);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
