using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>
/// discountCodeBasicCreate and discountCodeFreeShippingCreate (admin-graphql input-objects/DiscountCodeBasicInput,
/// DiscountCodeFreeShippingInput; enums/DiscountErrorCode). Checks what a recovery app can get wrong: title, code,
/// dates, the value (percentage is a fraction 0..1, or discountAmount), usage limit, and code uniqueness, which
/// Shopify reports as TAKEN "Code must be unique. Please try a different code.". Who may use the code is read from
/// <c>context</c> (current) or <c>customerSelection</c> (older versions).
/// </summary>
internal sealed class ShopifyDiscountMutations(ShopifyEmulatorState state, ShopifyGraphQlAppObjects appObjects)
{
    public JsonObject Create(string kind, string argument, JsonObject input)
    {
        var errors = new JsonArray();
        void Fail(string code, string message, params string[] path) => errors.Add(new JsonObject
        {
            ["__typename"] = "DiscountUserError",
            ["field"] = new JsonArray([.. new[] { argument }.Concat(path).Select(p => (JsonNode)p)]),
            ["message"] = message,
            ["code"] = code,
            ["extraInfo"] = null,
        });

        var title = input["title"].AsString();
        var code = input["code"].AsString();
        var startsAt = input["startsAt"].AsDateTime();
        var endsAt = input["endsAt"].AsDateTime();
        if (string.IsNullOrWhiteSpace(title))
        {
            Fail("BLANK", "Title can't be blank", "title");
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            Fail("BLANK", "Code can't be blank", "code");
        }
        else if (code.Length > 255)
        {
            Fail("TOO_LONG", "Code is too long (maximum is 255 characters)", "code");
        }

        if (startsAt is null)
        {
            Fail(input.ContainsKey("startsAt") ? "INVALID" : "BLANK", "Starts at can't be blank", "startsAt");
        }
        else if (endsAt is not null && endsAt <= startsAt)
        {
            Fail("END_DATE_BEFORE_START_DATE", "Ends at needs to be after starts_at", "endsAt");
        }

        if (input["usageLimit"].AsLong() is <= 0)
        {
            Fail("GREATER_THAN", "Usage limit must be greater than 0", "usageLimit");
        }

        decimal? percentage = null, amount = null;
        var appliesOnEachItem = false;
        if (kind == "DiscountCodeBasic")
        {
            var value = input["customerGets"]?["value"] as JsonObject;
            percentage = value?["percentage"].AsDecimal();
            amount = value?["discountAmount"]?["amount"].AsDecimal();
            appliesOnEachItem = value?["discountAmount"]?["appliesOnEachItem"].AsBool() ?? false;
            if (percentage is null && amount is null)
            {
                Fail("BLANK", "Value can't be blank", "customerGets", "value");
            }
            else if (percentage is < 0 or > 1)
            {
                Fail("VALUE_OUTSIDE_RANGE", "Value must be between 0.0 and 1.0", "customerGets", "value", "percentage");
            }
            else if (amount is <= 0)
            {
                Fail("GREATER_THAN", "Value must be greater than 0", "customerGets", "value", "discountAmount", "amount");
            }

            if (input["customerGets"]?["items"] is not JsonObject)
            {
                Fail("BLANK", "Items can't be blank", "customerGets", "items");
            }
        }

        ShopifyEmulatorDiscount? created = null;
        if (errors.Count == 0)
        {
            var discount = new ShopifyEmulatorDiscount
            {
                Id = ShopifyFormats.Gid("DiscountCodeNode", state.NextId()),
                Kind = kind,
                Title = title!,
                Code = code!,
                Percentage = percentage,
                Amount = amount,
                AppliesOnEachItem = appliesOnEachItem,
                UsageLimit = (int?)input["usageLimit"].AsLong(),
                AppliesOncePerCustomer = input["appliesOncePerCustomer"].AsBool() ?? false,
                StartsAt = startsAt!.Value,
                EndsAt = endsAt,
                CustomerIds = CustomerIds(input),
                Input = (JsonObject)input.DeepClone(),
                CreatedAt = state.Now,
            };
            if (state.TryAddDiscount(discount))
            {
                created = discount;
            }
            else
            {
                Fail("TAKEN", "Code must be unique. Please try a different code.", "code");
            }
        }

        return new JsonObject
        {
            ["__typename"] = $"{kind}CreatePayload",
            ["codeDiscountNode"] = created is null ? null : appObjects.DiscountNode(created),
            ["userErrors"] = errors,
        };
    }

    // context: { customers: { add: [gid] } } (current) or customerSelection: { customers: { add: [gid] } } (older).
    private static List<string> CustomerIds(JsonObject input) =>
        [.. new[] { input["context"], input["customerSelection"] }
            .Select(selection => selection?["customers"]?["add"] as JsonArray)
            .Where(ids => ids is not null)
            .SelectMany(ids => ids!.Select(id => id.AsString()).OfType<string>())];
}
