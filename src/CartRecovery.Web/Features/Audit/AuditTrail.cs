using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Auth;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.Audit;

/// <summary>
/// What every changing API call writes to its account's audit log: who (the caller's <see cref="Actor"/>), what
/// (<c>store.settings</c>, <c>key.create</c>, …), on what (<c>store:12</c>) and the JSON before and after, in the API's
/// own shapes. A customer's address is never written in clear: see <see cref="Fingerprint"/>.
/// </summary>
internal sealed class AuditTrail(IHttpContextAccessor http, IAuditLog log, TimeProvider time, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public async Task RecordAsync(long accountId, long? storeId, string action, string target, object? before, object? after, CancellationToken ct)
    {
        var actor = (http.HttpContext ?? throw new InvalidOperationException("The audit trail records requests.")).Scope().Actor;
        await log.AppendAsync(new AuditEntry
        {
            AccountId = accountId,
            StoreId = storeId,
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            Target = target,
            Before = Json(before),
            After = Json(after),
        }, ct);
    }

    /// <summary>A change to one store, recorded in the store's account.</summary>
    public Task RecordAsync(Store store, string action, object? before, object? after, CancellationToken ct, string? target = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        // Every stored store belongs to an account (the data layer gives a new store its own).
        var account = store.AccountId ?? throw new InvalidOperationException($"Store {store.Id} belongs to no account.");
        return RecordAsync(account, store.Id, action, target ?? $"store:{store.Id}", before, after, ct);
    }

    /// <summary>
    /// How the audit names a customer's address: the first 16 hex digits of the SHA-256 of the trimmed, lower-case
    /// address. Enough to tell whether two entries concern the same address, or to look one up by hashing it again.
    /// </summary>
    public static string Fingerprint(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
#pragma warning disable CA1308 // addresses are compared in lower case, as EmailNormalizer does
        var normalized = email.Trim().ToLowerInvariant();
#pragma warning restore CA1308
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..16];
    }

    private string? Json(object? value) => value is null ? null : JsonSerializer.Serialize(value, json.Value.SerializerOptions);
}
