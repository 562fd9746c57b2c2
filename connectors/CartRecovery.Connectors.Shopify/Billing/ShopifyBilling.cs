using System.Globalization;
using System.Text.Json;
using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Connectors.Shopify.Checkouts;
using CartRecovery.Core.Billing;
using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.Shopify.Billing;

/// <summary>
/// Charges Shopify stores through Shopify's Billing API, as apps sold on the Shopify App Store must: a subscription the
/// merchant approves (a recurring line for the monthly price, a capped usage line for emails beyond the plan), usage
/// records on it, and <c>currentAppInstallation.activeSubscriptions</c> as the truth about what is active.
/// </summary>
internal sealed class ShopifyBilling(ShopifyStoreApi api, TimeProvider time) : IPlatformBilling
{
    public string Platform => Platforms.Shopify;

    public async Task<StoreSubscription> SubscribeAsync(Store store, Plan plan, string currency, Uri returnUrl, bool test, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(returnUrl);
        var lineItems = new List<object>();
        if (plan.MonthlyPrice > 0)
            lineItems.Add(new { plan = new { appRecurringPricingDetails = new { price = Money(plan.MonthlyPrice, currency), interval = "EVERY_30_DAYS" } } });
        if (plan.HasUsagePricing)
            lineItems.Add(new { plan = new { appUsagePricingDetails = new { cappedAmount = Money(plan.UsageCap, currency), terms = Terms(plan, currency) } } });
        if (lineItems.Count == 0)
            throw new InvalidOperationException($"The {plan.Name} plan is free: it needs no Shopify subscription.");

        var data = await api.MutateAsync(store, ShopifyBillingQueries.Subscribe, new
        {
            name = plan.Name,
            returnUrl = returnUrl.ToString(),
            test,
            trialDays = plan.TrialDays,
            lineItems,
        }, ct);
        if (ShopifyUserError.Read(data, "appSubscriptionCreate") is { Count: > 0 } errors)
            throw new InvalidOperationException($"Shopify refused the subscription: {ShopifyUserError.Describe(errors)}");
        var payload = data.GetProperty("appSubscriptionCreate");
        return Read(store.Id, payload.GetProperty("appSubscription")) with { ConfirmationUrl = payload.GetProperty("confirmationUrl").GetString() };
    }

    public async Task<StoreSubscription?> SyncAsync(Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var data = await api.QueryAsync(store, ShopifyBillingQueries.ActiveSubscriptions, null, ct);
        var active = data.GetProperty("currentAppInstallation").GetProperty("activeSubscriptions");
        // An app has at most one active subscription per shop (a new one replaces the old on approval).
        return active.GetArrayLength() == 0 ? null : Read(store.Id, active[0]);
    }

    public async Task RecordUsageAsync(Store store, StoreSubscription subscription, decimal amount, string currency, string description,
        string idempotencyKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(subscription);
        var lineItem = subscription.UsageLineItemId ?? throw new InvalidOperationException($"The {subscription.Plan} subscription has no usage line item.");
        var data = await api.MutateAsync(store, ShopifyBillingQueries.RecordUsage, new
        {
            subscriptionLineItemId = lineItem,
            price = Money(amount, currency),
            description,
            idempotencyKey,
        }, ct);
        if (ShopifyUserError.Read(data, "appUsageRecordCreate") is { Count: > 0 } errors)
            throw new InvalidOperationException($"Shopify refused the usage charge: {ShopifyUserError.Describe(errors)}");
    }

    private StoreSubscription Read(long storeId, JsonElement subscription)
    {
        string? usageLine = null;
        foreach (var line in subscription.GetProperty("lineItems").EnumerateArray())
            if (line.GetProperty("plan").GetProperty("pricingDetails").GetProperty("__typename").GetString() == "AppUsagePricing")
                usageLine = line.GetProperty("id").GetString();
        var createdAt = ShopifyJson.Time(subscription, "createdAt");
        var trialDays = subscription.GetProperty("trialDays").GetInt32();
        return new StoreSubscription
        {
            StoreId = storeId,
            Plan = subscription.GetProperty("name").GetString() ?? "",
            Status = Enum.TryParse<SubscriptionStatus>(subscription.GetProperty("status").GetString(), ignoreCase: true, out var status)
                ? status : SubscriptionStatus.Pending,
            ExternalId = subscription.GetProperty("id").GetString(),
            UsageLineItemId = usageLine,
            Test = subscription.GetProperty("test").GetBoolean(),
            TrialEndsAt = trialDays > 0 && createdAt is { } created ? created.AddDays(trialDays) : null,
            CurrentPeriodEnd = ShopifyJson.Time(subscription, "currentPeriodEnd"),
            UpdatedAt = time.GetUtcNow(),
        };
    }

    private static object Money(decimal amount, string currency) =>
        new { amount = amount.ToString("0.00##", CultureInfo.InvariantCulture), currencyCode = currency };

    private static string Terms(Plan plan, string currency) => string.Create(CultureInfo.InvariantCulture,
        $"{plan.UsagePricePerEmail:0.00##} {currency} per recovery email beyond {plan.IncludedEmails} in a 30-day period, at most {plan.UsageCap:0.00} {currency}");
}
