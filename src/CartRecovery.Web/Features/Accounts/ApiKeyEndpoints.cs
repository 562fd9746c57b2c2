using System.Globalization;
using CartRecovery.Core.Accounts;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Accounts;

/// <summary>
/// An account's API keys (owners only): <c>GET /api/keys</c>, <c>POST /api/keys</c> (the token is in that answer and
/// nowhere else, ever) and <c>DELETE /api/keys/{id}</c> (revoke). A key never gets a higher role or more stores than
/// the caller who creates it.
/// </summary>
internal static class ApiKeyEndpoints
{
    public sealed record CreateKeyRequest(string? Name, string? Role, IReadOnlyList<long>? StoreIds, DateTimeOffset? ExpiresAt);

    /// <summary>A key as listed: what tells it apart (prefix, name), what it may do, and when it was used; never its secret.</summary>
    public sealed record KeyResponse(long Id, string Prefix, string Name, AccountRole Role, IReadOnlyList<long>? StoreIds,
        DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
    {
        public static KeyResponse From(ApiKey key) =>
            new(key.Id, key.Prefix, key.Name, key.Role, key.StoreIds, key.CreatedAt, key.ExpiresAt, key.RevokedAt, key.LastUsedAt);
    }

    /// <summary>The new key and, once, its token: send it as <c>Authorization: Bearer {token}</c>.</summary>
    public sealed record CreatedKeyResponse(long Id, string Prefix, string Name, AccountRole Role, IReadOnlyList<long>? StoreIds,
        DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, string Token);

    public static RouteGroupBuilder MapApiKeys(this RouteGroupBuilder api)
    {
        api.MapGet("/keys", async (long? accountId, HttpContext http, IAccountRepository accounts, IApiKeyRepository store, CancellationToken ct) =>
        {
            var (account, problem) = await AccountTarget.ResolveAsync(http.Scope(), accountId, accounts, ct);
            return problem ?? Results.Ok((await store.ListAsync(account, ct)).Select(KeyResponse.From));
        }).RequireAuthorization(CallerPolicies.Owner)
            .Describe<IEnumerable<KeyResponse>>(ApiDescriptions.Keys, "List the account's API keys (prefix, role, stores, last use; never the secret)", 400, 404);
        api.MapPost("/keys", CreateAsync).RequireAuthorization(CallerPolicies.Owner)
            .DescribeCreated<CreatedKeyResponse>(ApiDescriptions.Keys, "Create an API key; the answer holds its token, shown this once", 400, 404);
        api.MapDelete("/keys/{id:long}", async (long id, long? accountId, HttpContext http, IAccountRepository accounts, ApiKeyIssuer issuer,
            CancellationToken ct) =>
        {
            var (account, problem) = await AccountTarget.ResolveAsync(http.Scope(), accountId, accounts, ct);
            if (problem is not null)
                return problem;
            return await issuer.RevokeAsync(account, id, ct)
                ? Results.NoContent()
                : Results.Problem(statusCode: 404, title: "Key not found", detail: $"The account has no active key {id}.");
        }).RequireAuthorization(CallerPolicies.Owner)
            .DescribeNoContent(ApiDescriptions.Keys, "Revoke an API key (it stops working at once)", 400, 404);
        return api;
    }

    private static async Task<IResult> CreateAsync(long? accountId, CreateKeyRequest? request, HttpContext http, IAccountRepository accounts,
        ApiKeyIssuer issuer, CancellationToken ct)
    {
        var scope = http.Scope();
        var (account, problem) = await AccountTarget.ResolveAsync(scope, accountId, accounts, ct);
        if (problem is not null)
            return problem;
        if (request is null)
            return ApiResults.Invalid("body", "a JSON body is required");
        var issued = await issuer.CreateAsync(scope, account, request.Name, request.Role, request.StoreIds, request.ExpiresAt, ct);
        return issued.Created is not { } created
            ? ApiResults.Invalid(issued.Field!, issued.Rule!)
            : Results.Created($"/api/keys/{created.Id.ToString(CultureInfo.InvariantCulture)}", created);
    }

    /// <summary>viewer, member or owner (any case); numbers are refused, so a role is always named.</summary>
    internal static bool TryParseRole(string? text, out AccountRole role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(text, out _);
}
