using System.Text.Json;
using CartRecovery.Core.Accounts;
using CartRecovery.Web.Features.Accounts;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Audit;

/// <summary><c>GET /api/audit?skip=&amp;take=</c>: the account's changes, newest first (owners; the operator names the account).</summary>
internal static class AuditEndpoints
{
    private const int MaxPageSize = 200;

    /// <summary>One change: who, what, on what, when, and the JSON before and after (null when there was none).</summary>
    public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string ActorKind, long? ActorId, string Actor, string Action, string Target,
        long? StoreId, JsonElement? Before, JsonElement? After);

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (long? accountId, int? skip, int? take, HttpContext http, IAccountRepository accounts, IAuditLog log, CancellationToken ct) =>
        {
            var (account, problem) = await AccountTarget.ResolveAsync(http.Scope(), accountId, accounts, ct);
            if (problem is not null)
                return problem;
            if (skip < 0)
                return ApiResults.Invalid("skip", "skip must be 0 or more");
            if (take is < 1 or > MaxPageSize)
                return ApiResults.Invalid("take", $"take must be between 1 and {MaxPageSize}");
            var entries = await log.ListAsync(account, skip ?? 0, take ?? 50, ct);
            return Results.Ok(entries.Select(e => new AuditEntryResponse(e.Id, e.At, e.Actor.Kind.ToString(), e.Actor.Id, e.Actor.Label, e.Action,
                e.Target, e.StoreId, Parse(e.Before), Parse(e.After))));
        }).RequireAuthorization(CallerPolicies.Owner)
            .Describe<IEnumerable<AuditEntryResponse>>(ApiDescriptions.Audit, "The account's changes, newest first (paged by skip and take)", 400, 404);
        return api;
    }

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
