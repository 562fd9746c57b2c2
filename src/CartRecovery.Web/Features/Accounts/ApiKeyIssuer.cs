using CartRecovery.Core.Accounts;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Audit;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Accounts;

/// <summary>A new key and its token, or the field and rule that stopped it.</summary>
internal sealed record KeyIssue(ApiKeyEndpoints.CreatedKeyResponse? Created, string? Field = null, string? Rule = null);

/// <summary>
/// The API key rules both the API (<see cref="ApiKeyEndpoints"/>) and the API keys page use: a key never gets a higher
/// role or more stores than the caller who creates it, its token is shown once; revoking stops it at once. Audited.
/// </summary>
internal sealed class ApiKeyIssuer(IApiKeyRepository keys, StoreAccess stores, AuditTrail audit, TimeProvider time)
{
    public async Task<KeyIssue> CreateAsync(AccessScope scope, long account, string? name, string? roleText, IReadOnlyList<long>? storeIds,
        DateTimeOffset? expiresAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var now = time.GetUtcNow();
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 100 || DisplayText.HasForbiddenCharacters(trimmed))
            return Refuse("name", "name must be 1 to 100 characters on one line");
        if (!ApiKeyEndpoints.TryParseRole(roleText, out var role))
            return Refuse("role", "role must be viewer, member or owner");
        if (!scope.Allows(role))
            return Refuse("role", $"role must not be above your own ({scope.Role})");
        if (expiresAt is { } expires && expires <= now)
            return Refuse("expiresAt", "expiresAt must be in the future (or omitted for a key that does not expire)");
        var chosen = storeIds?.Distinct().Order().ToList() ?? scope.StoreIds?.Order().ToList();
        foreach (var storeId in chosen ?? [])
        {
            // Only stores of the account the caller may see; another account's store reads like a missing one.
            if (await stores.GetAsync(storeId, ct) is not { } store || store.AccountId != account)
                return Refuse("storeIds", $"storeIds: there is no store {storeId} in this account");
        }
        if (chosen is { Count: 0 })
            return Refuse("storeIds", "storeIds must name at least one store (or be omitted for every store of the account)");

        var token = ApiKeyToken.New();
        var key = await keys.CreateAsync(new ApiKey
        {
            AccountId = account, Name = trimmed, Prefix = token.Prefix, Role = role, StoreIds = chosen, CreatedAt = now,
            CreatedByUserId = scope.Actor.Kind == ActorKind.User ? scope.Actor.Id : null, ExpiresAt = expiresAt,
        }, token.SecretHash(), ct);
        await audit.RecordAsync(account, null, "key.create", $"key:{key.Id}", null, ApiKeyEndpoints.KeyResponse.From(key), ct);
        return new(new(key.Id, key.Prefix, key.Name, key.Role, key.StoreIds, key.CreatedAt, key.ExpiresAt, token.Text));
    }

    /// <summary>Revokes an active key of the account; false when the account has no such key (another account's reads the same).</summary>
    public async Task<bool> RevokeAsync(long account, long id, CancellationToken ct)
    {
        var before = (await keys.ListAsync(account, ct)).FirstOrDefault(k => k.Id == id);
        if (before is null || !await keys.RevokeAsync(account, id, time.GetUtcNow(), ct))
            return false;
        await audit.RecordAsync(account, null, "key.revoke", $"key:{id}", ApiKeyEndpoints.KeyResponse.From(before), null, ct);
        return true;
    }

    private static KeyIssue Refuse(string field, string rule) => new(null, field, rule);
}
