using CartRecovery.Core.Accounts;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Accounts;

/// <summary>
/// Accounts: the operator creates one (<c>POST /api/accounts</c>: name, kind, the owner's email) and lists them; any
/// caller reads its own (<c>GET /api/account</c>: its role and the stores it sees).
/// </summary>
internal static class AccountEndpoints
{
    public sealed record CreateAccountRequest(string? Name, string? Kind, string? OwnerEmail);

    public sealed record AccountResponse(long Id, string Name, AccountKind Kind, DateTimeOffset CreatedAt);

    /// <summary>A new account and its first owner.</summary>
    public sealed record CreatedAccountResponse(long Id, string Name, AccountKind Kind, DateTimeOffset CreatedAt, long OwnerUserId, string OwnerEmail);

    /// <summary>The caller's account as the caller sees it.</summary>
    public sealed record OwnAccountResponse(long Id, string Name, AccountKind Kind, AccountRole Role, IReadOnlyList<VisibleStore> Stores);

    public sealed record VisibleStore(long Id, string Name, string Platform);

    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder api)
    {
        api.MapPost("/accounts", CreateAsync).RequireAuthorization(CallerPolicies.Operator)
            .DescribeCreated<CreatedAccountResponse>(ApiDescriptions.Accounts, "Create an account with its first owner (operator only)", 400);
        api.MapGet("/accounts", async (IAccountRepository accounts, CancellationToken ct) =>
            (await accounts.ListAsync(ct)).Select(a => new AccountResponse(a.Id, a.Name, a.Kind, a.CreatedAt)))
            .RequireAuthorization(CallerPolicies.Operator)
            .Describe<IEnumerable<AccountResponse>>(ApiDescriptions.Accounts, "List every account (operator only)");
        api.MapGet("/account", async (HttpContext http, IAccountRepository accounts, StoreAccess stores, CancellationToken ct) =>
        {
            var scope = http.Scope();
            if (scope.AccountId is not { } id || await accounts.GetAsync(id, ct) is not { } account)
                return Results.Problem(statusCode: 404, title: "No account",
                    detail: "The operator's key belongs to no account: list them with GET /api/accounts.");
            var visible = (await stores.ListAsync(ct)).Select(s => new VisibleStore(s.Id, s.Name, s.Platform)).ToList();
            return Results.Ok(new OwnAccountResponse(account.Id, account.Name, account.Kind, scope.Role, visible));
        }).Describe<OwnAccountResponse>(ApiDescriptions.Accounts, "The caller's account: its role there and the stores it sees", 404);
        return api;
    }

    private static async Task<IResult> CreateAsync(CreateAccountRequest? request, IAccountRepository accounts, TimeProvider time, CancellationToken ct)
    {
        if (request is null)
            return ApiResults.Invalid("body", "a JSON body is required");
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100 || DisplayText.HasForbiddenCharacters(name))
            return ApiResults.Invalid("name", "name must be 1 to 100 characters on one line");
        var kind = AccountKind.Merchant;
        if (request.Kind is not null && (!Enum.TryParse(request.Kind, ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(request.Kind, out _)))
            return ApiResults.Invalid("kind", "kind must be merchant or agency");
        if (!ApiResults.IsEmail(request.OwnerEmail))
            return ApiResults.Invalid("ownerEmail", "ownerEmail must be a valid address");

        var now = time.GetUtcNow();
        var account = await accounts.CreateAsync(name, kind, now, ct);
        var owner = await accounts.GetOrCreateUserByEmailAsync(request.OwnerEmail!.Trim(), now, ct);
        await accounts.SetMembershipAsync(new Membership { AccountId = account.Id, UserId = owner.Id, Role = AccountRole.Owner, CreatedAt = now }, ct);
        return Results.Created("/api/accounts",
            new CreatedAccountResponse(account.Id, account.Name, account.Kind, account.CreatedAt, owner.Id, owner.Email ?? request.OwnerEmail.Trim()));
    }
}
