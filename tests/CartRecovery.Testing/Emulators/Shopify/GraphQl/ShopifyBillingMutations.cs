using System.Globalization;
using System.Text.Json.Nodes;
using static CartRecovery.Testing.Emulators.Shopify.ShopifyFormats;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>
/// The Billing API (admin-graphql mutations/appSubscriptionCreate, mutations/appUsageRecordCreate; queries
/// currentAppInstallation.activeSubscriptions). Checks what a billing app can get wrong: a blank name, a return URL
/// that is not absolute, line items (one recurring and/or one usage, positive amounts, terms for usage), usage
/// records on a usage line of an active subscription in its currency, the capped amount ("Total price exceeds balance
/// remaining") and idempotency keys (a key used before returns the first record and charges nothing).
/// </summary>
internal sealed class ShopifyBillingMutations(ShopifyEmulatorState state)
{
    public const int MaxIdempotencyKeyLength = 255;

    public JsonObject CreateSubscription(string? name, string? returnUrl, bool test, long? trialDays, JsonArray lineItems)
    {
        var errors = new JsonArray();
        void Fail(string message, params string[] field) => errors.Add(UserError(field, message));

        if (string.IsNullOrWhiteSpace(name))
        {
            Fail("Name can't be blank", "name");
        }

        if (!Uri.TryCreate(returnUrl, UriKind.Absolute, out var returnTo) || returnTo.Scheme is not ("https" or "http"))
        {
            Fail("Return url is invalid", "returnUrl");
        }

        if (trialDays is < 0)
        {
            Fail("Trial days must be greater than or equal to 0", "trialDays");
        }

        var recurring = lineItems.Select(l => l?["plan"]?["appRecurringPricingDetails"]).OfType<JsonObject>().ToList();
        var usage = lineItems.Select(l => l?["plan"]?["appUsagePricingDetails"]).OfType<JsonObject>().ToList();
        if (lineItems.Count == 0 || recurring.Count + usage.Count != lineItems.Count || recurring.Count > 1 || usage.Count > 1)
        {
            Fail("Only one pricing plan can be defined for each available type", "lineItems");
        }

        var recurringPrice = recurring.Count == 1 ? recurring[0]["price"]?["amount"].AsDecimal() : null;
        var interval = recurring.Count == 1 ? recurring[0]["interval"].AsString() ?? "EVERY_30_DAYS" : null;
        var cappedAmount = usage.Count == 1 ? usage[0]["cappedAmount"]?["amount"].AsDecimal() : null;
        var terms = usage.Count == 1 ? usage[0]["terms"].AsString() : null;
        var currencies = recurring.Select(r => r["price"]?["currencyCode"].AsString()).Concat(usage.Select(u => u["cappedAmount"]?["currencyCode"].AsString())).Distinct().ToList();
        if (recurring.Count == 1 && recurringPrice is not > 0)
        {
            Fail("Price must be greater than 0", "lineItems", "plan", "appRecurringPricingDetails", "price");
        }

        if (interval is not (null or "EVERY_30_DAYS" or "ANNUAL"))
        {
            Fail("Interval is invalid", "lineItems", "plan", "appRecurringPricingDetails", "interval");
        }

        if (usage.Count == 1 && cappedAmount is not > 0)
        {
            Fail("Capped amount must be greater than 0", "lineItems", "plan", "appUsagePricingDetails", "cappedAmount");
        }

        if (usage.Count == 1 && string.IsNullOrWhiteSpace(terms))
        {
            Fail("Terms can't be blank", "lineItems", "plan", "appUsagePricingDetails", "terms");
        }

        if (currencies.Count > 1 || currencies.Any(c => c is null || c.Length != 3))
        {
            Fail("Currency code is invalid or differs between line items", "lineItems");
        }

        ShopifyEmulatorAppSubscription? created = null;
        if (errors.Count == 0)
        {
            var number = state.NextId();
            var id = Gid("AppSubscription", number);
            created = new ShopifyEmulatorAppSubscription
            {
                Id = id,
                Name = name!,
                ReturnUrl = returnTo!,
                Test = test,
                TrialDays = (int)(trialDays ?? 0),
                CreatedAt = state.Now,
                RecurringLineItemId = recurring.Count == 1 ? LineItemId(number, 0) : null,
                RecurringPrice = recurringPrice,
                UsageLineItemId = usage.Count == 1 ? LineItemId(number, recurring.Count) : null,
                CappedAmount = cappedAmount,
                Terms = terms,
                Currency = currencies[0]!,
            };
            state.AddAppSubscription(created);
        }

        return new JsonObject
        {
            ["__typename"] = "AppSubscriptionCreatePayload",
            ["appSubscription"] = created is null ? null : Subscription(created),
            ["confirmationUrl"] = created is null ? null : ConfirmationUrl(created).ToString(),
            ["userErrors"] = errors,
        };
    }

    public JsonObject CreateUsageRecord(string? lineItemId, JsonObject? price, string? description, string? idempotencyKey)
    {
        var amount = price?["amount"].AsDecimal();
        var currency = price?["currencyCode"].AsString();
        var (record, problem) = state.ChangeAppSubscriptions<(ShopifyEmulatorUsageRecord?, (string[] Field, string Message)?)>(all =>
        {
            var subscription = all.Find(s => s.UsageLineItemId is not null && s.UsageLineItemId == lineItemId);
            if (subscription is null)
            {
                return (null, (["subscriptionLineItemId"], "Subscription line item not found or does not have usage pricing"));
            }

            if (subscription.Status != "ACTIVE")
            {
                return (null, (["subscriptionLineItemId"], "Subscription is not active"));
            }

            if (string.IsNullOrWhiteSpace(description))
            {
                return (null, (["description"], "Description can't be blank"));
            }

            if (idempotencyKey is { Length: > MaxIdempotencyKeyLength })
            {
                return (null, (["idempotencyKey"], $"Idempotency key is too long (maximum is {MaxIdempotencyKeyLength} characters)"));
            }

            if (idempotencyKey is not null && subscription.UsageRecords.Find(r => r.IdempotencyKey == idempotencyKey) is { } earlier)
            {
                return (earlier, null);
            }

            if (amount is not > 0)
            {
                return (null, (["price"], "Price must be greater than 0"));
            }

            if (!string.Equals(currency, subscription.Currency, StringComparison.Ordinal))
            {
                return (null, (["price", "currencyCode"], $"Currency must be {subscription.Currency}"));
            }

            if (subscription.BalanceUsed + amount > subscription.CappedAmount)
            {
                return (null, (["price"], "Total price exceeds balance remaining"));
            }

            subscription.BalanceUsed += amount.Value;
            var created = new ShopifyEmulatorUsageRecord(Gid("AppUsageRecord", state.NextId()), lineItemId!, amount.Value, description!, idempotencyKey, state.Now);
            subscription.UsageRecords.Add(created);
            return (created, null);
        });

        return new JsonObject
        {
            ["__typename"] = "AppUsageRecordCreatePayload",
            ["appUsageRecord"] = record is null ? null : new JsonObject
            {
                ["__typename"] = "AppUsageRecord",
                ["id"] = record.Id,
                ["createdAt"] = GraphQlTime(record.CreatedAt),
                ["description"] = record.Description,
                ["idempotencyKey"] = record.IdempotencyKey,
                ["price"] = Money(record.Amount, currency ?? ""),
            },
            ["userErrors"] = problem is { } p ? new JsonArray(UserError(p.Field, p.Message)) : new JsonArray(),
        };
    }

    /// <summary>
    /// The merchant's answer at the confirmation page. Approving makes the subscription ACTIVE for a 30-day period and
    /// ends the app's other active one (a new subscription replaces the old); declining makes it DECLINED. Returns the
    /// subscription, or null when there is none pending with that id.
    /// </summary>
    public ShopifyEmulatorAppSubscription? Answer(string id, bool approve) => state.ChangeAppSubscriptions(all =>
    {
        if (all.Find(s => s.Id == id && s.Status == "PENDING") is not { } subscription)
        {
            return null;
        }

        if (approve)
        {
            foreach (var other in all.Where(s => s.Status == "ACTIVE"))
            {
                other.Status = "CANCELLED";
            }

            subscription.Status = "ACTIVE";
            subscription.CurrentPeriodEnd = state.Now.AddDays(30);
        }
        else
        {
            subscription.Status = "DECLINED";
        }

        return subscription;
    });

    /// <summary>Uninstalling the app cancels its subscriptions.</summary>
    public void CancelAll() => state.ChangeAppSubscriptions(all =>
    {
        foreach (var subscription in all.Where(s => s.Status is "ACTIVE" or "PENDING" or "FROZEN"))
        {
            subscription.Status = "CANCELLED";
        }

        return 0;
    });

    /// <summary>Where the merchant approves: Shopify's admin page for the charge (the emulator's router serves it).</summary>
    public Uri ConfirmationUrl(ShopifyEmulatorAppSubscription subscription) => new(state.BaseUrl,
        $"admin/charges/{GidNumber(subscription.Id)}/confirm_recurring_application_charge?signature={ShopifyEmulatorState.Hex(subscription.Id)}");

    public static JsonObject Subscription(ShopifyEmulatorAppSubscription s)
    {
        var lines = new JsonArray();
        if (s.RecurringLineItemId is { } recurring)
        {
            lines.Add(LineItem(recurring, new JsonObject
            {
                ["__typename"] = "AppRecurringPricing",
                ["price"] = Money(s.RecurringPrice ?? 0, s.Currency),
                ["interval"] = "EVERY_30_DAYS",
            }));
        }

        if (s.UsageLineItemId is { } usage)
        {
            lines.Add(LineItem(usage, new JsonObject
            {
                ["__typename"] = "AppUsagePricing",
                ["terms"] = s.Terms,
                ["cappedAmount"] = Money(s.CappedAmount ?? 0, s.Currency),
                ["balanceUsed"] = Money(s.BalanceUsed, s.Currency),
                ["interval"] = "EVERY_30_DAYS",
            }));
        }

        return new JsonObject
        {
            ["__typename"] = "AppSubscription",
            ["id"] = s.Id,
            ["name"] = s.Name,
            ["status"] = s.Status,
            ["test"] = s.Test,
            ["trialDays"] = s.TrialDays,
            ["createdAt"] = GraphQlTime(s.CreatedAt),
            ["currentPeriodEnd"] = s.Status == "ACTIVE" ? GraphQlTime(s.CurrentPeriodEnd) : null,
            ["returnUrl"] = s.ReturnUrl.ToString(),
            ["lineItems"] = lines,
        };
    }

    private static JsonObject LineItem(string id, JsonObject pricing) => new()
    {
        ["__typename"] = "AppSubscriptionLineItem",
        ["id"] = id,
        ["plan"] = new JsonObject { ["__typename"] = "AppPlanV2", ["pricingDetails"] = pricing },
    };

    private static JsonObject Money(decimal amount, string currency) => new()
    {
        ["__typename"] = "MoneyV2",
        ["amount"] = GraphQlMoney(amount),
        ["currencyCode"] = currency,
    };

    // Shopify's line item ids carry the subscription id and the item's index.
    private static string LineItemId(long subscription, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"gid://shopify/AppSubscriptionLineItem/{subscription}?v=1&index={index}");

    private static JsonObject UserError(string[] field, string message) => new()
    {
        ["__typename"] = "UserError",
        ["field"] = new JsonArray([.. field.Select(f => (JsonNode)f)]),
        ["message"] = message,
    };
}
