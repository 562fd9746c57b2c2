using System.Net;
using CartRecovery.Core.Accounts;
using CartRecovery.Web.Tests.Browser;
using CartRecovery.Web.Tests.Features.SignIn;

namespace CartRecovery.Web.Tests.Pages.Team;

/// <summary>The owners' Team page: invite, revoke, change a role, the last owner stays; refusals change nothing.</summary>
public sealed class TeamPageTests : IAsyncLifetime
{
    private AppSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await AppSite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_site is not null)
            await _site.DisposeAsync();
    }

    private long DemoAccount => _site.DemoStoreAsync().GetAwaiter().GetResult().AccountId!.Value;

    [Fact]
    public async Task Invite_ThenRevoke_SendsTheEmailAndEndsTheInvitation()
    {
        var page = await _site.SignInAsync();
        await page.ClickAsync("nav a:text-is('Team')");

        await page.FillAsync("#invite-email", "new.colleague@alpine.example");
        await page.SelectOptionAsync("#invite-role", "viewer");
        await page.ClickAsync("button:has-text('Send the invitation')");

        await page.WaitForSelectorAsync(".banner.success");
        Assert.Contains("new.colleague@alpine.example", await page.InnerTextAsync(".invitations"), StringComparison.Ordinal);
        var open = Assert.Single(await Invitations().ListOpenAsync(DemoAccount, _site.App.Time.GetUtcNow(), AppSite.Ct));
        Assert.Equal(AccountRole.Viewer, open.Role);
        Assert.Contains(_site.App.Emails(), m => m.To.Mailboxes.Any(a => a.Address == "new.colleague@alpine.example"));
        await HeadlessChromium.SaveScreenshotsAsync(page, "team");

        await page.ClickAsync($"[data-invitation='{open.Id}'] button:has-text('Revoke')");
        await page.WaitForSelectorAsync(".banner.success:has-text('revoked')");
        Assert.Empty(await Invitations().ListOpenAsync(DemoAccount, _site.App.Time.GetUtcNow(), AppSite.Ct));
    }

    [Fact]
    public async Task Invite_WithABadAddress_ShowsTheFieldErrorAndSendsNothing()
    {
        var page = await _site.SignInAsync();
        await page.GotoAsync(_site.Url("app/team"));

        await page.FillAsync("#invite-email", "not-an-address");
        await page.ClickAsync("button:has-text('Send the invitation')");

        Assert.Equal("true", await page.GetAttributeAsync("#invite-email", "aria-invalid"));
        Assert.Equal("Enter a valid email address.", await page.InnerTextAsync("#invite-email-error"));
        Assert.Empty(await Invitations().ListOpenAsync(DemoAccount, _site.App.Time.GetUtcNow(), AppSite.Ct));
    }

    [Fact]
    public async Task ChangeRole_OfAMember_MakesThemAViewer()
    {
        var member = await _site.PersonAsync("member@alpine.example", DemoAccount, AccountRole.Member);
        var page = await _site.SignInAsync();
        await page.GotoAsync(_site.Url("app/team"));

        await page.SelectOptionAsync($"#role-{member.Id}", "viewer");
        await page.ClickAsync($"tr[data-user='{member.Id}'] button:has-text('Change')");

        await page.WaitForSelectorAsync(".banner.success");
        Assert.Equal(AccountRole.Viewer, (await Accounts().GetMembershipAsync(DemoAccount, member.Id, AppSite.Ct))!.Role);
    }

    [Fact]
    public async Task Leave_AsTheLastOwner_IsRefusedWithABannerAndChangesNothing()
    {
        var owner = await Accounts().FindUserByEmailAsync(AppSite.DemoOwner, AppSite.Ct);
        var page = await _site.SignInAsync(locale: "fr-FR");
        await page.GotoAsync(_site.Url("app/team"));

        await page.ClickAsync($"tr[data-user='{owner!.Id}'] button:has-text('Quitter')");

        Assert.Contains("Le compte doit garder un propriétaire", await page.InnerTextAsync("[data-refusal]"), StringComparison.Ordinal);
        Assert.Equal(AccountRole.Owner, (await Accounts().GetMembershipAsync(DemoAccount, owner.Id, AppSite.Ct))!.Role);
        await HeadlessChromium.SaveScreenshotsAsync(page, "team-last-owner-fr");
    }

    [Fact]
    public async Task TeamAndKeys_ForAMember_AreForbidden()
    {
        await _site.PersonAsync("member@alpine.example", DemoAccount, AccountRole.Member);
        var member = await _site.SignedInHttpAsync("member@alpine.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/app/team", AppSite.Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/app/keys", AppSite.Ct)).StatusCode);
        // A real token (from a page the member may open), so only the role stops the post.
        var posted = await member.SubmitAsync("/app", "/app/team?handler=Invite", ("Email", "x@alpine.example"), ("Role", "owner"));
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Empty(await Invitations().ListOpenAsync(DemoAccount, _site.App.Time.GetUtcNow(), AppSite.Ct));
    }

    [Fact]
    public async Task Post_WithoutTheAntiforgeryToken_ChangesNothing()
    {
        var member = await _site.PersonAsync("member@alpine.example", DemoAccount, AccountRole.Member);
        var owner = await _site.SignedInHttpAsync(AppSite.DemoOwner);

        var invite = await owner.PostFormAsync("/app/team?handler=Invite", ("Email", "x@alpine.example"), ("Role", "viewer"));
        var remove = await owner.PostFormAsync("/app/team?handler=Remove", ("userId", member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var key = await owner.PostFormAsync("/app/keys?handler=Create", ("Name", "Script"), ("Role", "viewer"));

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], [invite.StatusCode, remove.StatusCode, key.StatusCode]);
        Assert.Empty(await Invitations().ListOpenAsync(DemoAccount, _site.App.Time.GetUtcNow(), AppSite.Ct));
        Assert.NotNull(await Accounts().GetMembershipAsync(DemoAccount, member.Id, AppSite.Ct));
        Assert.Empty(await _site.App.Service<IApiKeyRepository>().ListAsync(DemoAccount, AppSite.Ct));
    }

    [Fact]
    public async Task AnotherAccountsMemberInvitationAndKey_AreNotFound()
    {
        var member = await _site.PersonAsync("member@alpine.example", DemoAccount, AccountRole.Member);
        var demoOwner = await _site.SignedInHttpAsync(AppSite.DemoOwner);
        await demoOwner.SubmitAsync("/app/team", "/app/team?handler=Invite", ("Email", "invited@alpine.example"), ("Role", "viewer"));
        await demoOwner.SubmitAsync("/app/keys", "/app/keys?handler=Create", ("Name", "Reporting"), ("Role", "viewer"));
        var invitation = Assert.Single(await Invitations().ListOpenAsync(DemoAccount, _site.App.Time.GetUtcNow(), AppSite.Ct));
        var key = Assert.Single(await _site.App.Service<IApiKeyRepository>().ListAsync(DemoAccount, AppSite.Ct));
        await _site.App.PersonAsync("owner@other.example", accountName: "Other");
        var other = await _site.SignedInHttpAsync("owner@other.example");

        var responses = new[]
        {
            await other.SubmitAsync("/app/team", "/app/team?handler=Role", ("userId", member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("newRole", "owner")),
            await other.SubmitAsync("/app/team", "/app/team?handler=Remove", ("userId", member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            await other.SubmitAsync("/app/team", "/app/team?handler=Revoke", ("invitationId", invitation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            await other.SubmitAsync("/app/keys", "/app/keys?handler=Revoke", ("keyId", key.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(AccountRole.Member, (await Accounts().GetMembershipAsync(DemoAccount, member.Id, AppSite.Ct))!.Role);
        Assert.Single(await Invitations().ListOpenAsync(DemoAccount, _site.App.Time.GetUtcNow(), AppSite.Ct));
        Assert.Null(Assert.Single(await _site.App.Service<IApiKeyRepository>().ListAsync(DemoAccount, AppSite.Ct)).RevokedAt);
    }

    private IAccountRepository Accounts() => _site.App.Service<IAccountRepository>();

    private IInvitationRepository Invitations() => _site.App.Service<IInvitationRepository>();
}
