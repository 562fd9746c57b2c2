using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>
/// Mutation fields. Business-rule failures are returned as <c>userErrors</c> in the payload with HTTP 200 and no
/// top-level errors, as every Admin mutation does (admin-graphql "Status and error codes").
/// </summary>
internal sealed class ShopifyGraphQlMutations(ShopifyEmulatorState state, ShopifyGraphQlAppObjects appObjects)
{
    private readonly ShopifyDiscountMutations _discounts = new(state, appObjects);
    private readonly ShopifyBillingMutations _billing = new(state);
    private readonly ShopifyStorefrontTokenFields _storefrontTokens = new(state);

    public JsonNode? Resolve(GqlField field, GqlVariables variables, ShopifyGraphQlRun run) => field.Name switch
    {
        "storefrontAccessTokenCreate" => _storefrontTokens.Create(field, field.Argument("input", variables) as JsonObject ?? [], run),
        "webhookSubscriptionCreate" => CreateSubscription(
            field.Argument("topic", variables).AsString() ?? "",
            field.Argument("webhookSubscription", variables) as JsonObject ?? []),
        "webhookSubscriptionDelete" => DeleteSubscription(field.Argument("id", variables).AsString()),
        "discountCodeBasicCreate" => _discounts.Create(
            "DiscountCodeBasic", "basicCodeDiscount", field.Argument("basicCodeDiscount", variables) as JsonObject ?? []),
        "discountCodeFreeShippingCreate" => _discounts.Create(
            "DiscountCodeFreeShipping", "freeShippingCodeDiscount", field.Argument("freeShippingCodeDiscount", variables) as JsonObject ?? []),
        "appSubscriptionCreate" => _billing.CreateSubscription(
            field.Argument("name", variables).AsString(),
            field.Argument("returnUrl", variables).AsString(),
            field.Argument("test", variables).AsBool() ?? false,
            field.Argument("trialDays", variables).AsLong(),
            field.Argument("lineItems", variables) as JsonArray ?? []),
        "appUsageRecordCreate" => _billing.CreateUsageRecord(
            field.Argument("subscriptionLineItemId", variables).AsString(),
            field.Argument("price", variables) as JsonObject,
            field.Argument("description", variables).AsString(),
            field.Argument("idempotencyKey", variables).AsString()),
        _ => null,
    };

    // WebhookSubscriptionInput takes `uri` since the "unified uri" changelog and `callbackUrl` before it;
    // the error field names whichever the client sent.
    private JsonObject CreateSubscription(string topic, JsonObject input)
    {
        var usesUri = input.ContainsKey("uri");
        var address = input[usesUri ? "uri" : "callbackUrl"].AsString();
        string[] errorField = ["webhookSubscription", usesUri ? "uri" : "callbackUrl"];
        string? problem = null;
        Uri? target = null;
        if (string.IsNullOrWhiteSpace(address))
        {
            problem = "Address can't be blank";
        }
        else if (!Uri.TryCreate(address, UriKind.Absolute, out target) || (target.Scheme != Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttp))
        {
            problem = "Address is invalid";
        }
        else if (state.Options.RequireHttpsWebhookUris && target.Scheme != Uri.UriSchemeHttps)
        {
            problem = "Address protocol http:// is not supported";
        }

        ShopifyEmulatorWebhookSubscription? created = null;
        if (problem is null && target is not null)
        {
            var candidate = new ShopifyEmulatorWebhookSubscription(
                ShopifyFormats.Gid("WebhookSubscription", state.NextId()),
                topic,
                target,
                input["format"].AsString() ?? "JSON",
                [.. (input["includeFields"] as JsonArray ?? []).Select(f => f.AsString() ?? "")],
                state.Now);
            if (state.TryAddSubscription(candidate))
            {
                created = candidate;
            }
            else
            {
                problem = "Address for this topic has already been taken";
            }
        }

        return new JsonObject
        {
            ["__typename"] = "WebhookSubscriptionCreatePayload",
            ["webhookSubscription"] = created is null ? null : ShopifyGraphQlAppObjects.Subscription(created),
            ["userErrors"] = problem is null ? new JsonArray() : new JsonArray(UserError(errorField, problem)),
        };
    }

    private JsonObject DeleteSubscription(string? id)
    {
        var deleted = id is not null && state.RemoveSubscription(id);
        return new JsonObject
        {
            ["__typename"] = "WebhookSubscriptionDeletePayload",
            ["deletedWebhookSubscriptionId"] = deleted ? id : null,
            ["userErrors"] = deleted ? new JsonArray() : new JsonArray(UserError(["id"], "Webhook subscription does not exist")),
        };
    }

    private static JsonObject UserError(string[] field, string message) => new()
    {
        ["__typename"] = "UserError",
        ["field"] = new JsonArray([.. field.Select(f => (JsonNode)f)]),
        ["message"] = message,
    };
}
