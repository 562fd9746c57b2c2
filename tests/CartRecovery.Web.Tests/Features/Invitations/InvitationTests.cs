using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CartRecovery.Core.Accounts;
using CartRecovery.Web.Tests.Features.SignIn;
using static CartRecovery.Web.Tests.Features.SignIn.SignInDriver;

namespace CartRecovery.Web.Tests.Features.Invitations;

/// <summary>Owners invite by email; the link's Accept button adds the person and signs them in, once.</summary>
public sealed class InvitationTests
{
    private const string Owner = "owner@alpine.example";
    private const string Invited = "new.colleague@alpine.example";

    private static async Task<HttpResponseMessage> InviteAsync(HttpClient owner, object body) =>
        await owner.PostAsJsonAsync("/api/team/invitations", body, Ct);

    [Fact]
    public async Task Invitation_Accepted_AddsThePersonWithTheRoleAndSignsThemIn()
    {
        using var app = new CartRecoveryAppFactory();
        var (account, _) = await app.PersonAsync(Owner);
        var owner = await app.SignedInAsync(Owner);

        var created = await InviteAsync(owner, new { email = Invited, role = "member" });
        var link = app.LinkIn(Invited, "/invitations/");
        var invited = app.Browser();
        var page = await invited.GetStringAsync(link.PathAndQuery, Ct);
        var accepted = await invited.SubmitAsync(link.PathAndQuery, link.PathAndQuery);
        var home = await invited.GetStringAsync("/app", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("Alpine &amp; Co.", page, StringComparison.Ordinal);
        Assert.Equal("/app", accepted.Headers.Location?.OriginalString);
        Assert.Contains("Member", home, StringComparison.Ordinal);
        var user = await app.Service<IAccountRepository>().FindUserByEmailAsync(Invited, Ct);
        Assert.Equal(AccountRole.Member, (await app.Service<IAccountRepository>().GetMembershipAsync(account.Id, user!.Id, Ct))?.Role);
    }

    [Fact]
    public async Task Invitation_AcceptedTwice_IsRefusedTheSecondTime()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        var owner = await app.SignedInAsync(Owner);
        await InviteAsync(owner, new { email = Invited, role = "viewer" });
        var link = app.LinkIn(Invited, "/invitations/");
        var page = await app.Browser().GetStringAsync(link.PathAndQuery, Ct);
        await app.Browser().SubmitAsync(link.PathAndQuery, link.PathAndQuery);

        var again = app.Browser();
        var second = await again.GetAsync(link.PathAndQuery, Ct);

        Assert.Contains("Accept invitation", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
    }

    [Fact]
    public async Task Invitation_Revoked_IsRefusedAndNoLongerListed()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        var owner = await app.SignedInAsync(Owner);
        var created = await (await InviteAsync(owner, new { email = Invited, role = "member" })).Content.ReadFromJsonAsync<JsonElement>(Ct);
        var link = app.LinkIn(Invited, "/invitations/");
        var invited = app.Browser();
        var page = await invited.GetStringAsync(link.PathAndQuery, Ct);

        var revoked = await owner.DeleteAsync($"/api/team/invitations/{created.GetProperty("id").GetInt64()}", Ct);
        var accept = await invited.PostFormAsync(link.PathAndQuery, ("__af", AntiforgeryToken(page)));
        var open = await owner.GetFromJsonAsync<JsonElement>("/api/team/invitations", Ct);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, accept.StatusCode);
        Assert.Equal(0, open.GetArrayLength());
        Assert.Null(await app.Service<IAccountRepository>().FindUserByEmailAsync(Invited, Ct));
    }

    [Fact]
    public async Task Invitation_AfterItExpires_IsRefused()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        var owner = await app.SignedInAsync(Owner);
        await InviteAsync(owner, new { email = Invited, role = "member" });
        var link = app.LinkIn(Invited, "/invitations/");

        app.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Gone, (await app.Browser().GetAsync(link.PathAndQuery, Ct)).StatusCode);
    }

    [Fact]
    public async Task Invite_AStoreOfAnotherAccount_Is400AndSendsNothing()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        var demo = await app.DemoStoreAsync();
        var owner = await app.SignedInAsync(Owner);
        var sent = app.Emails().Count;

        var response = await InviteAsync(owner, new { email = Invited, role = "viewer", storeIds = new[] { demo.Id } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("storeIds", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(sent, app.Emails().Count);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("2")]
    [InlineData("")]
    public async Task Invite_WithAnUnknownRole_Is400NamingRole(string role)
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        var owner = await app.SignedInAsync(Owner);

        var response = await InviteAsync(owner, new { email = Invited, role });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_ByAMember_Is403AndSendsNothing()
    {
        using var app = new CartRecoveryAppFactory();
        var (account, _) = await app.PersonAsync(Owner);
        await app.PersonAsync("member@alpine.example", AccountRole.Member, accountId: account.Id);
        var member = await app.SignedInAsync("member@alpine.example");
        var sent = app.Emails().Count;

        var response = await InviteAsync(member, new { email = Invited, role = "viewer" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(sent, app.Emails().Count);
    }

    [Fact]
    public async Task Revoke_AnotherAccountsInvitation_Is404()
    {
        using var app = new CartRecoveryAppFactory();
        await app.PersonAsync(Owner);
        await app.PersonAsync("owner@other.example", accountName: "Other");
        var owner = await app.SignedInAsync(Owner);
        var other = await app.SignedInAsync("owner@other.example");
        var created = await (await InviteAsync(owner, new { email = Invited, role = "member" })).Content.ReadFromJsonAsync<JsonElement>(Ct);

        var response = await other.DeleteAsync($"/api/team/invitations/{created.GetProperty("id").GetInt64()}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, (await owner.GetFromJsonAsync<JsonElement>("/api/team/invitations", Ct)).GetArrayLength());
    }
}
