using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Tests.Features.Accounts;

public sealed class ApiKeyApiTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _app.Dispose();

    private async Task<(AccountRequests.CreatedAccount Account, HttpClient Owner)> AccountWithOwnerKeyAsync()
    {
        var account = await _app.AdminClient().CreateAccountAsync("Keys Co", "owner@keys.example");
        var key = await _app.AdminClient().CreateKeyAsync(account.Id, "owner key", "owner");
        return (account, _app.BrowserClient().WithKey(key.Token));
    }

    [Fact]
    public async Task Create_ShowsTheTokenOnceAndTheListNeverShowsTheSecret()
    {
        var (_, owner) = await AccountWithOwnerKeyAsync();

        var created = await owner.PostAsJsonAsync("/api/keys", new { name = "CI export", role = "viewer" }, Ct);
        var list = await owner.GetStringAsync("/api/keys", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct));
        var token = json.RootElement.GetProperty("token").GetString()!;
        Assert.True(ApiKeyToken.TryParse(token, out var parsed));
        Assert.Equal(parsed.Prefix, json.RootElement.GetProperty("prefix").GetString());
        Assert.Contains(parsed.Prefix, list, StringComparison.Ordinal);
        Assert.Contains("\"CI export\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain(parsed.Secret, list, StringComparison.Ordinal);
        Assert.DoesNotContain("token", list, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await _app.BrowserClient().WithKey(token).GetAsync("/api/stores", Ct)).StatusCode);
    }

    [Fact]
    public async Task Key_WhenRevoked_Is401AtOnce()
    {
        var (_, owner) = await AccountWithOwnerKeyAsync();
        var key = await owner.CreateKeyAsync(null, "to revoke", "member");
        var client = _app.BrowserClient().WithKey(key.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/stores", Ct)).StatusCode);

        var revoked = await owner.DeleteAsync($"/api/keys/{key.Id}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var refused = await client.GetAsync("/api/stores", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.DeleteAsync($"/api/keys/{key.Id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Revoke_AnotherAccountsKey_Is404AndTheKeyStillWorks()
    {
        var (_, owner) = await AccountWithOwnerKeyAsync();
        var other = await _app.AdminClient().CreateAccountAsync("Other", "other@example.com");
        var othersKey = await _app.AdminClient().CreateKeyAsync(other.Id, "theirs", "viewer");

        var revoked = await owner.DeleteAsync($"/api/keys/{othersKey.Id}", Ct);
        var named = await owner.DeleteAsync($"/api/keys/{othersKey.Id}?accountId={other.Id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, named.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.BrowserClient().WithKey(othersKey.Token).GetAsync("/api/stores", Ct)).StatusCode);
    }

    [Fact]
    public async Task Key_WhenExpired_Is401()
    {
        var (_, owner) = await AccountWithOwnerKeyAsync();
        var key = await owner.CreateKeyAsync(null, "short-lived", "viewer", expiresAt: _app.Time.GetUtcNow().AddHours(1));
        var client = _app.BrowserClient().WithKey(key.Token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/stores", Ct)).StatusCode);

        _app.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/stores", Ct)).StatusCode);
    }

    [Fact]
    public async Task Key_WithATamperedSecret_Is401()
    {
        var (_, owner) = await AccountWithOwnerKeyAsync();
        var key = await owner.CreateKeyAsync(null, "real", "viewer");
        var tampered = key.Token[..^1] + (key.Token[^1] == 'A' ? 'B' : 'A');

        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.BrowserClient().WithKey(tampered).GetAsync("/api/stores", Ct)).StatusCode);
    }

    [Fact]
    public async Task LastUse_IsRecordedAtMostAboutOnceAMinute()
    {
        var (account, owner) = await AccountWithOwnerKeyAsync();
        var key = await owner.CreateKeyAsync(null, "busy", "viewer");
        var client = _app.BrowserClient().WithKey(key.Token);
        var first = _app.Time.GetUtcNow();

        await client.GetAsync("/api/stores", Ct);
        _app.Time.Advance(TimeSpan.FromSeconds(59));
        await client.GetAsync("/api/stores", Ct);
        var afterSecond = await LastUsedAsync(account.Id, key.Id);
        _app.Time.Advance(TimeSpan.FromSeconds(1));
        await client.GetAsync("/api/stores", Ct);

        Assert.Equal(first, afterSecond);
        Assert.Equal(first.AddMinutes(1), await LastUsedAsync(account.Id, key.Id));
    }

    [Fact]
    public async Task Create_ForAStoreOfAnotherAccount_Is400AndCreatesNothing()
    {
        var (account, owner) = await AccountWithOwnerKeyAsync();
        var foreign = await AddStoreAsync("foreign");

        var response = await owner.PostAsJsonAsync("/api/keys", new { name = "sneaky", role = "viewer", storeIds = new[] { foreign.Id } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("storeIds", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Single(await _app.Service<IApiKeyRepository>().ListAsync(account.Id, Ct));
    }

    [Fact]
    public async Task StoreLimitedKey_SeesOnlyItsStores_AndItsKeysInheritTheLimit()
    {
        var (account, _) = await AccountWithOwnerKeyAsync();
        var first = await AddStoreAsync("first", account.Id);
        var second = await AddStoreAsync("second", account.Id);
        var limitedKey = await _app.AdminClient().CreateKeyAsync(account.Id, "first only", "owner", [first.Id]);
        var limited = _app.BrowserClient().WithKey(limitedKey.Token);

        var stores = await limited.GetStringAsync("/api/stores", Ct);
        var hidden = await limited.GetAsync($"/api/stores/{second.Id}/sequences", Ct);
        var widen = await limited.PostAsJsonAsync("/api/keys", new { name = "wider", role = "viewer", storeIds = new[] { first.Id, second.Id } }, Ct);
        var inherited = await limited.CreateKeyAsync(null, "inherits", "viewer");

        Assert.Contains($"\"id\":{first.Id},", stores, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"id\":{second.Id},", stores, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, widen.StatusCode);
        var stored = (await _app.Service<IApiKeyRepository>().ListAsync(account.Id, Ct)).Single(k => k.Id == inherited.Id);
        Assert.Equal([first.Id], stored.StoreIds);
    }

    [Fact]
    public async Task Create_WithoutAnAccount_ByTheOperator_Is400NamingAccountId()
    {
        var response = await _app.AdminClient().PostAsJsonAsync("/api/keys", new { name = "nowhere", role = "viewer" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("accountId", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private async Task<DateTimeOffset?> LastUsedAsync(long accountId, long keyId) =>
        (await _app.Service<IApiKeyRepository>().ListAsync(accountId, Ct)).Single(k => k.Id == keyId).LastUsedAt;

    private Task<Store> AddStoreAsync(string name, long? accountId = null) => _app.Service<IStoreRepository>().UpsertAsync(new Store
    {
        Platform = Platforms.WooCommerce, ExternalId = $"https://{name}.example/", Name = name, StorefrontUrl = $"https://{name}.example/",
        Currency = "EUR", SenderEmail = $"shop@{name}.example", SenderName = name, AccountId = accountId,
    }, Ct);
}
