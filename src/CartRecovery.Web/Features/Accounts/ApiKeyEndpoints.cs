using System.Globalization;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Audit;
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
        api.MapGet("/keys", async (long? accountId, HttpContext http, IAccountStore accounts, IApiKeyStore store, CancellationToken ct) =>
        {
            var (account, problem) = await AccountTarget.ResolveAsync(http.Scope(), accountId, accounts, ct);
            return problem ?? Results.Ok((await store.ListAsync(account, ct)).Select(KeyResponse.From));
        }).RequireAuthorization(CallerPolicies.Owner)
            .Describe<IEnumerable<KeyResponse>>(ApiDescriptions.Keys, "List the account's API keys (prefix, role, stores, last use; never the secret)", 400, 404);
        api.MapPost("/keys", CreateAsync).RequireAuthorization(CallerPolicies.Owner)
            .DescribeCreated<CreatedKeyResponse>(ApiDescriptions.Keys, "Create an API key; the answer holds its token, shown this once", 400, 404);
        api.MapDelete("/keys/{id:long}", async (long id, long? accountId, HttpContext http, IAccountStore accounts, IApiKeyStore store, AuditTrail audit,
            TimeProvider time, CancellationToken ct) =>
        {
            var (account, problem) = await AccountTarget.ResolveAsync(http.Scope(), accountId, accounts, ct);
            if (problem is not null)
                return problem;
            var before = (await store.ListAsync(account, ct)).FirstOrDefault(k => k.Id == id);
            if (before is null || !await store.RevokeAsync(account, id, time.GetUtcNow(), ct))
                return Results.Problem(statusCode: 404, title: "Key not found", detail: $"The account has no active key {id}.");
            await audit.RecordAsync(account, null, "key.revoke", $"key:{id}", KeyResponse.From(before), null, ct);
            return Results.NoContent();
        }).RequireAuthorization(CallerPolicies.Owner)
            .DescribeNoContent(ApiDescriptions.Keys, "Revoke an API key (it stops working at once)", 400, 404);
        return api;
    }

    private static async Task<IResult> CreateAsync(long? accountId, CreateKeyRequest? request, HttpContext http, IAccountStore accounts,
        IApiKeyStore keys, StoreAccess stores, AuditTrail audit, TimeProvider time, CancellationToken ct)
    {
        var scope = http.Scope();
        var (account, problem) = await AccountTarget.ResolveAsync(scope, accountId, accounts, ct);
        if (problem is not null)
            return problem;
        if (request is null)
            return ApiResults.Invalid("body", "a JSON body is required");
        var now = time.GetUtcNow();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 100 || DisplayText.HasForbiddenCharacters(name))
            return ApiResults.Invalid("name", "name must be 1 to 100 characters on one line");
        if (!TryParseRole(request.Role, out var role))
            return ApiResults.Invalid("role", "role must be viewer, member or owner");
        if (!scope.Allows(role))
            return ApiResults.Invalid("role", $"role must not be above your own ({scope.Role})");
        if (request.ExpiresAt is { } expires && expires <= now)
            return ApiResults.Invalid("expiresAt", "expiresAt must be in the future (or omitted for a key that does not expire)");
        var storeIds = request.StoreIds?.Distinct().Order().ToList() ?? scope.StoreIds?.Order().ToList();
        foreach (var storeId in storeIds ?? [])
        {
            // Only stores of the account the caller may see; another account's store reads like a missing one.
            if (await stores.GetAsync(storeId, ct) is not { } store || store.AccountId != account)
                return ApiResults.Invalid("storeIds", $"storeIds: there is no store {storeId} in this account");
        }
        if (storeIds is { Count: 0 })
            return ApiResults.Invalid("storeIds", "storeIds must name at least one store (or be omitted for every store of the account)");

        var token = ApiKeyToken.New();
        var key = await keys.CreateAsync(new ApiKey
        {
            AccountId = account, Name = name, Prefix = token.Prefix, Role = role, StoreIds = storeIds, CreatedAt = now,
            CreatedByUserId = scope.Actor.Kind == ActorKind.User ? scope.Actor.Id : null, ExpiresAt = request.ExpiresAt,
        }, token.SecretHash(), ct);
        await audit.RecordAsync(account, null, "key.create", $"key:{key.Id}", null, KeyResponse.From(key), ct);
        return Results.Created($"/api/keys/{key.Id.ToString(CultureInfo.InvariantCulture)}",
            new CreatedKeyResponse(key.Id, key.Prefix, key.Name, key.Role, key.StoreIds, key.CreatedAt, key.ExpiresAt, token.Text));
    }

    /// <summary>viewer, member or owner (any case); numbers are refused, so a role is always named.</summary>
    internal static bool TryParseRole(string? text, out AccountRole role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(text, out _);
}
