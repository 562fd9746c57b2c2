using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CartRecovery.Web.Tests.Features.Accounts;

public sealed class AccountApiTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Create_ByTheOperator_MakesTheOwnerAndListsTheAccount()
    {
        var created = await _app.AdminClient().CreateAccountAsync("Northwind Agency", "Boss@Northwind.example", "agency");
        var owner = _app.BrowserClient().WithKey((await _app.AdminClient().CreateKeyAsync(created.Id, "owner", "owner")).Token);

        var team = await owner.GetStringAsync("/api/team", Ct);
        var accounts = await _app.AdminClient().GetStringAsync("/api/accounts", Ct);
        using var own = JsonDocument.Parse(await owner.GetStringAsync("/api/account", Ct));

        Assert.Contains("\"email\":\"boss@northwind.example\"", team, StringComparison.Ordinal);
        Assert.Contains("\"role\":\"Owner\"", team, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"Northwind Agency\"", accounts, StringComparison.Ordinal);
        Assert.Equal("Agency", own.RootElement.GetProperty("kind").GetString());
        Assert.Equal("Owner", own.RootElement.GetProperty("role").GetString());
        Assert.Equal(0, own.RootElement.GetProperty("stores").GetArrayLength());
    }

    [Theory]
    [InlineData("""{"name":"","ownerEmail":"a@example.com"}""", "name")]
    [InlineData("""{"name":"X","kind":"reseller","ownerEmail":"a@example.com"}""", "kind")]
    [InlineData("""{"name":"X","kind":"1","ownerEmail":"a@example.com"}""", "kind")]
    [InlineData("""{"name":"X","ownerEmail":"not an address"}""", "ownerEmail")]
    public async Task Create_WithAnInvalidField_Is400NamingItAndCreatesNothing(string body, string field)
    {
        var before = (await _app.Service<Core.Accounts.IAccountRepository>().ListAsync(Ct)).Count;

        var response = await _app.AdminClient().PostAsync("/api/accounts", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, (await _app.Service<Core.Accounts.IAccountRepository>().ListAsync(Ct)).Count);
    }

    [Fact]
    public async Task CreateAndList_ByAnAccountsOwner_Are403()
    {
        var created = await _app.AdminClient().CreateAccountAsync("Merchant", "m@example.com");
        var owner = _app.BrowserClient().WithKey((await _app.AdminClient().CreateKeyAsync(created.Id, "owner", "owner")).Token);

        var create = await owner.PostAsJsonAsync("/api/accounts", new { name = "Mine", ownerEmail = "x@example.com" }, Ct);
        var list = await owner.GetAsync("/api/accounts", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal("application/problem+json", create.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    [Fact]
    public async Task OwnAccount_ForTheOperator_Is404Problem()
    {
        var response = await _app.AdminClient().GetAsync("/api/account", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
