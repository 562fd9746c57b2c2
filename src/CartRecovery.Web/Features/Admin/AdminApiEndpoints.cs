using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Sequences;
using CartRecovery.Web.Features.Stores;
using CartRecovery.Web.Features.Tasks;
using Microsoft.AspNetCore.Mvc;
using CartRecovery.Web.Features.Accounts;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Billing;
using CartRecovery.Web.Features.Audit;
using CartRecovery.Web.Features.Auth;
using CartRecovery.Web.Features.Sms;

namespace CartRecovery.Web.Features.Admin;

/// <summary>The JSON admin API: stores, carts with their timeline, and recovery metrics.</summary>
internal static class AdminApiEndpoints
{
    private const int MaxPageSize = 200;

    /// <summary>
    /// Admin requests are small JSON documents (a template source, the largest, is capped at 100 KiB): anything over
    /// 1 MiB is refused with 413 while it arrives, instead of Kestrel's 30 MB default being read and parsed.
    /// </summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        // Authorization runs before the endpoint binds anything: a caller without a key gets 401 whatever its body.
        // Every call needs a caller (viewer or more); endpoints that change something ask for more.
        var api = app.MapGroup("/api").RequireAuthorization(CallerPolicies.Viewer).WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .DescribeAdminGroup();
        api.MapGet("/stores", async (StoreAccess stores, CancellationToken ct) =>
            (await stores.ListAsync(ct)).Select(StoreDto.From))
            .Describe<IEnumerable<StoreDto>>(ApiDescriptions.Stores, "List the connected stores");
        api.MapGet("/stores/{id:long}/data-exports", async (long id, StoreAccess stores, IPrivacyRepository privacy, CancellationToken ct) =>
            await stores.GetAsync(id, ct) is null
                ? ApiResults.StoreNotFound(id)
                : Results.Ok((await privacy.ListExportsAsync(id, ct)).Select(DataExportDto.From)))
            .Describe<IEnumerable<DataExportDto>>(ApiDescriptions.Stores, "List the store's customer data exports (privacy requests)", 404);
        api.MapCreateStore();
        api.MapStoreSending();
        api.MapStoreTemplates();
        api.MapPreview();
        api.MapStoreSettings();
        api.MapSendingPolicy();
        api.MapLeaveReasons();
        api.MapSmsSettings();
        api.MapQuestionnaire();
        api.MapTasks();
        api.MapSequences();
        api.MapBilling();
        api.MapAccounts();
        api.MapApiKeys();
        api.MapTeam();
        api.MapAudit();
        api.MapGet("/carts", ListCartsAsync)
            .Describe<IEnumerable<CartSummaryDto>>(ApiDescriptions.Carts, "List carts, newest first, by store and status (paged by skip and take)", 400);
        api.MapGet("/carts/{id:long}", GetCartAsync)
            .Describe<CartDetailDto>(ApiDescriptions.Carts, "A cart with its lines, the messages sent for it and its timeline", 404);
        api.MapGet("/metrics", async (long? storeId, IMetricsQuery metrics, IMessageRepository messages, StoreAccess stores, CancellationToken ct) =>
        {
            if (storeId is { } id && await stores.GetAsync(id, ct) is null)
                return ApiResults.StoreNotFound(id);
            var storeIds = storeId is { } one ? [one] : await stores.VisibleStoreIdsAsync(ct);
            var m = await metrics.GetAsync(storeIds, ct);
            // Messages set aside after attempts that died mid-send (Recovery:PoisonAfterUnfinishedAttempts): a person should look.
            var quarantined = await messages.CountQuarantinedAsync(storeIds, ct);
            return Results.Ok(new MetricsDto(storeId, m.AbandonedCarts, m.EmailsSent, m.Delivered, m.Opened, m.Clicked, m.RecoveredOrders,
                m.UnassistedOrders, m.RecoveredRevenue, m.RecoveryRate, m.BySteps, quarantined) { TextsSent = m.TextsSent });
        }).Describe<MetricsDto>(ApiDescriptions.Metrics, "Recovery metrics of one store, or of all stores", 404);
        return app;
    }

    private static async Task<IResult> ListCartsAsync(long? storeId, string? status, int? skip, int? take, ICartRepository carts, StoreAccess stores,
        CancellationToken ct)
    {
        CartStatus? parsed = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<CartStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s) || int.TryParse(status, out _))
                return ApiResults.Invalid("status", $"status must be one of {string.Join(", ", Enum.GetNames<CartStatus>())}");
            parsed = s;
        }
        if (skip < 0)
            return ApiResults.Invalid("skip", "skip must be 0 or more");
        if (take is < 1 or > MaxPageSize)
            return ApiResults.Invalid("take", $"take must be between 1 and {MaxPageSize}");

        // Another account's store filters to nothing, as a store that does not exist does.
        var page = await carts.ListAsync(new CartQuery(storeId, parsed, skip ?? 0, take ?? 50) { StoreIds = await stores.VisibleStoreIdsAsync(ct) }, ct);
        return Results.Ok(page.Select(CartSummaryDto.From));
    }

    private static async Task<IResult> GetCartAsync(long id, ICartRepository carts, IMessageRepository messages, StoreAccess stores, CancellationToken ct)
    {
        var cart = await stores.GetCartAsync(id, ct);
        if (cart is null)
            return Results.Problem(statusCode: 404, title: "Cart not found", detail: $"There is no cart {id}.");
        var sent = await messages.ListForCartAsync(id, ct);
        var timeline = await carts.GetTimelineAsync(id, ct);
        return Results.Ok(CartDetailDto.From(cart, sent, timeline));
    }
}
