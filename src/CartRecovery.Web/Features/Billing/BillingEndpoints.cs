using System.Globalization;
using CartRecovery.Core.Billing;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Auth;
using CartRecovery.Web.Pages;

namespace CartRecovery.Web.Features.Billing;

/// <summary>
/// Plans and usage: a store's plan and how much of it this period used (<c>/api/stores/{id}/billing</c>), choosing a plan
/// (Shopify stores approve paid plans in their admin and come back to <c>/billing/return</c>), and monthly usage
/// statements to invoice other stores from (<c>/api/usage</c>, JSON or CSV).
/// </summary>
internal static class BillingEndpoints
{
    public const string ReturnPath = "/billing/return";

    public static RouteGroupBuilder MapBilling(this RouteGroupBuilder api)
    {
        api.MapGet("/stores/{id:long}/billing", async (long id, StoreAccess stores, BillingOptions options, PlanGate plans, CancellationToken ct) =>
                await stores.GetAsync(id, ct) is not { } store
                    ? ApiResults.StoreNotFound(id)
                    : Results.Ok(await DescribeAsync(store, options, plans, ct)))
            .Describe<BillingDto>(ApiDescriptions.Billing, "The store's plan, this period's emails against it, and why sending waits if it does", 404);

        api.MapPut("/stores/{id:long}/billing", async (long id, ChoosePlanRequest? request, StoreAccess stores, BillingOptions options,
            PlanSubscriptions subscriptions, RecoveryOptions recovery, CancellationToken ct) =>
        {
            if (await stores.GetAsync(id, ct) is not { } store)
                return ApiResults.StoreNotFound(id);
            if (!options.Enabled)
                return BillingOff();
            if (options.Find(request?.Plan) is not { } plan)
                return ApiResults.Invalid("plan", $"plan must be one of {string.Join(", ", options.Plans.Select(p => p.Name))}");
            var returnUrl = new Uri(recovery.PublicBaseUrl, string.Create(CultureInfo.InvariantCulture, $"{ReturnPath.TrimStart('/')}?store={store.Id}"));
            var approval = await subscriptions.ChooseAsync(store, plan.Name, returnUrl, ct);
            return Results.Ok(new ChoosePlanResponse(plan.Name, approval?.ToString()));
        }).RequireAuthorization(CallerPolicies.Owner)
            .Describe<ChoosePlanResponse>(ApiDescriptions.Billing, "Choose the store's plan (a paid Shopify plan answers with the URL where the merchant approves it)", 400, 404, 409);

        api.MapGet("/usage", async (string? month, string? format, long? storeId, StoreAccess stores, BillingOptions options,
            UsageStatements statements, TimeProvider time, CancellationToken ct) =>
        {
            if (!TryMonth(month, time, out var first))
                return ApiResults.Invalid("month", "month must be YYYY-MM");
            if (format is not (null or "json" or "csv"))
                return ApiResults.Invalid("format", "format must be json or csv");
            IReadOnlyList<Store> chosen;
            if (storeId is { } id)
                chosen = await stores.GetAsync(id, ct) is { } one ? [one] : [];
            else
                chosen = await stores.ListAsync(ct);
            if (storeId is { } missing && chosen.Count == 0)
                return ApiResults.StoreNotFound(missing);
            if (!options.Enabled)
                return BillingOff();
            var rows = new List<UsageStatement>();
            foreach (var store in chosen)
                rows.Add(await statements.ForMonthAsync(store, first, ct));
            return format == "csv"
                ? Results.Text(UsageStatementCsv.Write(rows), "text/csv; charset=utf-8")
                : Results.Ok(rows);
        }).Describe<IReadOnlyList<UsageStatement>>(ApiDescriptions.Billing, "Monthly usage statements per store (format=csv for a spreadsheet)", 400, 404, 409);
        return api;
    }

    /// <summary>
    /// Where Shopify sends the merchant after they approved (or declined) a plan: the subscription is read again from
    /// Shopify (the truth) and the merchant sees where it stands. The query is only a hint; nothing in it is trusted.
    /// </summary>
    public static IEndpointRouteBuilder MapBillingReturn(this IEndpointRouteBuilder app)
    {
        app.MapGet(ReturnPath, async (long? store, IStoreRepository stores, ISubscriptionRepository subscriptions, PlanSubscriptions billing,
            CancellationToken ct) =>
        {
            // Only a store with a plan waiting for approval is looked up: a stranger's request costs one read at most.
            if (store is not { } id || await subscriptions.GetAsync(id, ct) is not { Status: SubscriptionStatus.Pending }
                || await stores.GetAsync(id, ct) is not { } found)
                return HtmlPage.Render("Plan", "<h1>Nothing to approve</h1><p>There is no plan waiting for approval here.</p>", StatusCodes.Status404NotFound);
            var now = await billing.SyncAsync(found, ct);
            return now is { Status: SubscriptionStatus.Active }
                ? HtmlPage.Render("Plan active", $"<h1>Your {HtmlPage.Encode(now.Plan)} plan is active</h1><p>Recovery emails go out within your plan. You can close this page.</p>")
                : HtmlPage.Render("Plan not active", "<h1>The plan is not active</h1><p>Shopify has not confirmed the plan. If you declined it, your store stays on its current plan.</p>");
        }).ExcludeFromDescription();
        return app;
    }

    private static IResult BillingOff() =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Billing is off", detail: "This deployment has no plans (Billing:Enabled is false).");

    /// <summary>The store's plan and this period's usage, for the API and the settings page.</summary>
    public static async Task<BillingDto> DescribeAsync(Store store, BillingOptions options, PlanGate plans, CancellationToken ct)
    {
        var catalogue = options.Plans.Select(PlanDto.From).ToList();
        if (!options.Enabled)
            return new BillingDto(false, null, null, false, null, null, null, null, null, 0, null, null, 0, options.Currency, null, catalogue);
        var (plan, subscription, byPlatform, period, sent, check) = await plans.EvaluateAsync(store, ct);
        var pending = subscription is { Status: SubscriptionStatus.Pending } ? subscription : null;
        return new BillingDto(true, plan.Name, subscription?.Status,
            byPlatform, pending?.Plan, pending?.ConfirmationUrl, subscription?.TrialEndsAt, period.Start, period.End, sent, plan.IncludedEmails,
            plan.EmailAllowance, subscription?.UsagePeriodEnd == period.End ? subscription.UsageCharged : 0, options.Currency, check.PausedReason, catalogue);
    }

    private static bool TryMonth(string? text, TimeProvider time, out DateOnly first)
    {
        if (string.IsNullOrEmpty(text))
        {
            var now = time.GetUtcNow().UtcDateTime;
            first = new DateOnly(now.Year, now.Month, 1);
            return true;
        }
        return DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first);
    }
}
