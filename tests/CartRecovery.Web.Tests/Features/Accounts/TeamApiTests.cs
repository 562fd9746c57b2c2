using System.Net;
using System.Net.Http.Json;
using CartRecovery.Core.Accounts;

namespace CartRecovery.Web.Tests.Features.Accounts;

public sealed class TeamApiTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task LastOwner_CannotBeDemotedOrRemoved_Is409AndStaysOwner()
    {
        var account = await _app.AdminClient().CreateAccountAsync("Solo", "solo@example.com");
        var owner = _app.BrowserClient().WithKey((await _app.AdminClient().CreateKeyAsync(account.Id, "owner", "owner")).Token);

        var demoted = await owner.PutAsJsonAsync($"/api/team/{account.OwnerUserId}", new { role = "member" }, Ct);
        var removed = await owner.DeleteAsync($"/api/team/{account.OwnerUserId}", Ct);

        Assert.Equal(HttpStatusCode.Conflict, demoted.StatusCode);
        Assert.Equal("application/problem+json", demoted.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, removed.StatusCode);
        Assert.Equal(AccountRole.Owner, (await _app.Service<IAccountRepository>().GetMembershipAsync(account.Id, account.OwnerUserId, Ct))!.Role);
    }

    [Fact]
    public async Task Member_CanBeLimitedToStoresThenRemoved_AndBothAreAudited()
    {
        var account = await _app.AdminClient().CreateAccountAsync("Agency", "boss@agency.example", "agency");
        var owner = _app.BrowserClient().WithKey((await _app.AdminClient().CreateKeyAsync(account.Id, "owner", "owner")).Token);
        var accounts = _app.Service<IAccountRepository>();
        var client = await accounts.GetOrCreateUserByEmailAsync("client@merchant.example", _app.Time.GetUtcNow(), Ct);
        await accounts.SetMembershipAsync(new Membership { AccountId = account.Id, UserId = client.Id, Role = AccountRole.Member }, Ct);
        var shop = await _app.Service<Core.Stores.IStoreRepository>().UpsertAsync(new Core.Stores.Store
        {
            Platform = Core.Stores.Platforms.WooCommerce, ExternalId = "https://client.example/", Name = "Client", StorefrontUrl = "https://client.example/",
            Currency = "EUR", SenderEmail = "shop@client.example", SenderName = "Client", AccountId = account.Id,
        }, Ct);

        var changed = await owner.PutAsJsonAsync($"/api/team/{client.Id}", new { role = "viewer", storeIds = new[] { shop.Id } }, Ct);
        var team = await owner.GetStringAsync("/api/team", Ct);
        var removed = await owner.DeleteAsync($"/api/team/{client.Id}", Ct);
        var audit = await owner.GetStringAsync("/api/audit", Ct);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("client@merchant.example", team, StringComparison.Ordinal);
        Assert.Contains($"\"storeIds\":[{shop.Id}]", team, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Null(await accounts.GetMembershipAsync(account.Id, client.Id, Ct));
        Assert.Contains("\"action\":\"team.change\"", audit, StringComparison.Ordinal);
        Assert.Contains("\"action\":\"team.remove\"", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_ForSomeoneOutsideTheAccount_Is404()
    {
        var first = await _app.AdminClient().CreateAccountAsync("First", "first@example.com");
        var second = await _app.AdminClient().CreateAccountAsync("Second", "second@example.com");
        var owner = _app.BrowserClient().WithKey((await _app.AdminClient().CreateKeyAsync(first.Id, "owner", "owner")).Token);

        var response = await owner.PutAsJsonAsync($"/api/team/{second.OwnerUserId}", new { role = "viewer" }, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(AccountRole.Owner, (await _app.Service<IAccountRepository>().GetMembershipAsync(second.Id, second.OwnerUserId, Ct))!.Role);
    }
}
