using CartRecovery.Core.Accounts;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Auth;
using CartRecovery.Web.Features.SignIn;
using CartRecovery.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;

namespace CartRecovery.Web.Features.Invitations;

/// <summary>
/// Owners invite people by email (<c>/api/team/invitations</c>); the email's link opens <c>/invitations/{token}</c>,
/// whose Accept button (a POST) creates the person if needed, adds them to the account and signs them in. A link works
/// once, until it expires or is revoked.
/// </summary>
internal static class InvitationEndpoints
{
    public const string Tag = "Team";

    public static IEndpointRouteBuilder MapInvitations(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/team").RequireAuthorization(CallerPolicies.Owner).DescribeAdminGroup()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(AdminApiEndpoints.MaxBodyBytes));
        api.MapPost("/invitations", CreateAsync)
            .DescribeCreated<InvitationDto>(Tag, "Invite a person by email with a role (not above yours) and optionally some stores only", 400, 403);
        api.MapGet("/invitations", async (HttpContext http, IInvitationRepository invitations, TimeProvider time, CancellationToken ct) =>
                http.Scope().AccountId is { } accountId
                    ? Results.Ok((await invitations.ListOpenAsync(accountId, time.GetUtcNow(), ct)).Select(InvitationDto.From))
                    : NoAccount())
            .Describe<IEnumerable<InvitationDto>>(Tag, "List the account's open invitations", 400, 403);
        api.MapDelete("/invitations/{id:long}", async (long id, HttpContext http, IInvitationRepository invitations, TimeProvider time, CancellationToken ct) =>
                http.Scope().AccountId is not { } accountId ? NoAccount()
                : await invitations.RevokeAsync(accountId, id, time.GetUtcNow(), ct) ? Results.NoContent()
                : Results.Problem(statusCode: 404, title: "Invitation not found", detail: $"There is no open invitation {id}."))
            .DescribeNoContent(Tag, "Revoke an open invitation (its link stops working)", 400, 403, 404);

        app.MapGet("/invitations/{token}", InvitationPageAsync).ExcludeFromDescription();
        app.MapPost("/invitations/{token}", AcceptAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> CreateAsync(CreateInvitationRequest? body, HttpContext http, InvitationSender sender, CancellationToken ct)
    {
        var issued = await sender.InviteAsync(http.Scope(), body?.Email, body?.Role, body?.StoreIds, PageLanguage.Of(http.Request), ct);
        return issued.Sent is { } invitation
            ? Results.Created($"/api/team/invitations/{invitation.Id}", InvitationDto.From(invitation))
            : ApiResults.Invalid(issued.Field!, issued.Rule!);
    }

    private static async Task<IResult> InvitationPageAsync(string token, HttpContext http, IAntiforgery antiforgery, IInvitationRepository invitations,
        IAccountRepository accounts, TimeProvider time, CancellationToken ct)
    {
        var texts = SignInTexts.For(http.Request);
        if (SecretToken.TryHash(token) is not { } hash || await invitations.FindOpenAsync(hash, time.GetUtcNow(), ct) is not { } invitation
            || await accounts.GetAsync(invitation.AccountId, ct) is not { } account)
            return Refused(texts);
        var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, texts.InvitationTitle, account.Name);
        return HtmlPage.Render(title, $"""
            <h1>{HtmlPage.Encode(title)}</h1>
            <p>{string.Format(System.Globalization.CultureInfo.InvariantCulture, HtmlPage.Encode(texts.InvitationText),
                "<strong>" + HtmlPage.Encode(invitation.Email) + "</strong>", "<strong>" + HtmlPage.Encode(account.Name) + "</strong>",
                "<strong>" + HtmlPage.Encode(texts.Role(invitation.Role).ToLowerInvariant()) + "</strong>")}</p>
            <form method="post" action="/invitations/{HtmlPage.Encode(token)}">
            {PageForms.Token(http, antiforgery)}
            <button type="submit">{HtmlPage.Encode(texts.AcceptInvitation)}</button>
            </form>
            """, lang: texts.Language);
    }

    private static async Task<IResult> AcceptAsync(string token, HttpContext http, IAntiforgery antiforgery, IInvitationRepository invitations,
        IAccountRepository accounts, SessionCookie cookie, TimeProvider time, CancellationToken ct)
    {
        var texts = SignInTexts.For(http.Request);
        if (await PageForms.ReadAsync(http, antiforgery) is null)
            return PageForms.Expired(texts);
        var now = time.GetUtcNow();
        if (SecretToken.TryHash(token) is not { } hash || await invitations.FindOpenAsync(hash, now, ct) is not { } invitation
            || !await invitations.AcceptAsync(invitation.Id, now, ct))
            return Refused(texts);
        var user = await accounts.GetOrCreateUserByEmailAsync(invitation.Email, now, ct);
        var existing = await accounts.GetMembershipAsync(invitation.AccountId, user.Id, ct);
        var membership = InvitationRules.Accepting(invitation, user.Id, existing, now);
        if (!ReferenceEquals(membership, existing))
            await accounts.SetMembershipAsync(membership, ct);
        await cookie.SignInAsync(http, user.Id, invitation.AccountId, ct);
        return Results.Redirect(LocalUrl.Home);
    }

    private static IResult NoAccount() => ApiResults.Invalid("account",
        "invitations belong to an account: call with an account's key or a signed-in session, not the operator key");

    private static IResult Refused(SignInTexts texts) =>
        PageForms.Message(texts, texts.InvitationRefusedTitle, texts.InvitationRefusedText, StatusCodes.Status410Gone);
}
