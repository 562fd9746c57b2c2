using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>QueryRoot fields: shop, abandonedCheckouts, nodes/node, webhookSubscriptions, codeDiscountNodeByCode, currentAppInstallation.</summary>
internal sealed class ShopifyGraphQlQueries(ShopifyEmulatorState state, ShopifyGraphQlObjects objects, ShopifyGraphQlAppObjects appObjects)
{
    private readonly ShopifyStorefrontTokenFields _storefrontTokens = new(state);

    public JsonNode? Resolve(GqlField field, GqlVariables variables, ShopifyGraphQlRun run) => field.Name switch
    {
        "shop" => _storefrontTokens.AddTo(objects.Shop(), field, run),
        "abandonedCheckouts" => AbandonedCheckouts(field, variables, run),
        "nodes" => new JsonArray([.. (field.Argument("ids", variables) as JsonArray ?? []).Select(id => Node(id.AsString(), field, run))]),
        "node" => Node(field.Argument("id", variables).AsString(), field, run),
        "webhookSubscriptions" => WebhookSubscriptions(field, variables),
        "codeDiscountNodeByCode" => state.Discounts()
            .Where(d => string.Equals(d.Code, field.Argument("code", variables).AsString(), StringComparison.OrdinalIgnoreCase))
            .Select(appObjects.DiscountNode)
            .FirstOrDefault(),
        "currentAppInstallation" => new JsonObject
        {
            ["__typename"] = "AppInstallation",
            ["id"] = ShopifyFormats.Gid("AppInstallation", state.Options.ShopId),
            ["activeSubscriptions"] = new JsonArray([.. state.AppSubscriptions().Where(s => s.Status == "ACTIVE").Select(s => (JsonNode)ShopifyBillingMutations.Subscription(s))]),
        },
        _ => null,
    };

    private JsonObject? AbandonedCheckouts(GqlField field, GqlVariables variables, ShopifyGraphQlRun run)
    {
        var query = field.Argument("query", variables).AsString();
        var sortKey = field.Argument("sortKey", variables).AsString() ?? "ID";
        var reverse = field.Argument("reverse", variables).AsBool() ?? false;
        var warnings = new List<JsonObject>();
        var filter = ShopifyCheckoutSearch.Filter(query, warnings);
        if (warnings.Count > 0)
        {
            run.AddSearchWarnings(field, query, warnings);
        }

        var direction = reverse ? -1 : 1;
        var ordered = state.Checkouts()
            .Where(filter)
            .Select(c => (Key: (ShopifyCheckoutSearch.SortValue(c, sortKey), c.Id), Checkout: c))
            .ToList();
        ordered.Sort((a, b) => direction * ShopifyCheckoutSearch.Compare(a.Key, b.Key));

        var window = ordered;
        foreach (var (name, keepAfter) in new[] { ("after", true), ("before", false) })
        {
            var raw = field.Argument(name, variables).AsString();
            if (raw is null)
            {
                continue;
            }

            if (ShopifyConnections.ReadCursor(raw) is not { } cursor || cursor["last_id"].AsLong() is not { } lastId
                || cursor["last_value"].AsString() is not { } lastValue)
            {
                run.AddError(ShopifyGraphQlErrors.Create("Invalid cursor for current pagination sort.", field, run.PathTo(field)));
                return null;
            }

            window = [.. window.Where(item => direction * ShopifyCheckoutSearch.Compare(item.Key, (lastValue, lastId)) is var c && (keepAfter ? c > 0 : c < 0))];
        }

        var first = field.Argument("first", variables).AsLong();
        var last = field.Argument("last", variables).AsLong();
        var page = first is { } take ? window.Take((int)take).ToList() : window.TakeLast((int)(last ?? window.Count)).ToList();
        var hasNext = first is not null ? window.Count > page.Count : page.Count > 0 && ordered[^1].Checkout.Id != page[^1].Checkout.Id;
        var hasPrevious = first is not null ? page.Count > 0 && ordered[0].Checkout.Id != page[0].Checkout.Id : window.Count > page.Count;
        return ShopifyConnections.Build(
            "AbandonedCheckout",
            [.. page.Select(item => (Cursor(item.Key), objects.Checkout(item.Checkout)))],
            hasNext,
            hasPrevious);
    }

    private static string Cursor((string Value, long Id) key) =>
        ShopifyConnections.Cursor(new JsonObject { ["last_id"] = key.Id, ["last_value"] = key.Value });

    private JsonObject? Node(string? id, GqlField field, ShopifyGraphQlRun run)
    {
        var type = id is null ? null : ShopifyFormats.GidType(id);
        var number = ShopifyFormats.GidNumber(id);
        if (type is null || number is not { } key)
        {
            run.AddError(ShopifyGraphQlErrors.Create($"Invalid global id '{id}'", field, run.PathTo(field),
                new JsonObject { ["code"] = "argumentLiteralsIncompatible", ["typeName"] = "CoercionError" }));
            return null;
        }

        var checkouts = state.Checkouts();
        var lines = checkouts.SelectMany(c => c.Lines).Concat(state.Catalog()).ToList();
        return type switch
        {
            "ProductVariant" => lines.Find(l => l.VariantId == key) is { } line ? objects.Variant(line) : null,
            "Product" => lines.Find(l => l.ProductId == key) is { } line ? objects.Product(line) : null,
            "AbandonedCheckout" => checkouts.FirstOrDefault(c => c.Id == key) is { } checkout ? objects.Checkout(checkout) : null,
            "Customer" => checkouts.FirstOrDefault(c => c.CustomerId == key) is { } owner ? ShopifyGraphQlObjects.Customer(owner) : null,
            "WebhookSubscription" => state.Subscriptions().FirstOrDefault(s => s.Id == id) is { } subscription
                ? ShopifyGraphQlAppObjects.Subscription(subscription)
                : null,
            "DiscountCodeNode" => state.Discounts().FirstOrDefault(d => d.Id == id) is { } discount ? appObjects.DiscountNode(discount) : null,
            _ => null,
        };
    }

    private JsonObject WebhookSubscriptions(GqlField field, GqlVariables variables)
    {
        var topics = (field.Argument("topics", variables) as JsonArray)?.Select(t => t.AsString()).ToHashSet();
        var uri = field.Argument("uri", variables).AsString() ?? field.Argument("callbackUrl", variables).AsString();
        var all = state.Subscriptions()
            .Where(s => topics is null || topics.Contains(s.Topic))
            .Where(s => uri is null || s.Uri.ToString() == uri)
            .Select((s, index) => (Cursor: ShopifyConnections.Cursor(new JsonObject { ["last_id"] = index + 1 }), Index: index + 1, Subscription: s))
            .ToList();
        var after = ShopifyConnections.ReadCursor(field.Argument("after", variables).AsString())?["last_id"].AsLong() ?? 0;
        var first = (int)(field.Argument("first", variables).AsLong() ?? field.Argument("last", variables).AsLong() ?? all.Count);
        var page = all.Where(s => s.Index > after).Take(first).ToList();
        return ShopifyConnections.Build(
            "WebhookSubscription",
            [.. page.Select(p => (p.Cursor, ShopifyGraphQlAppObjects.Subscription(p.Subscription)))],
            all.Count > 0 && page.Count > 0 && page[^1].Index < all[^1].Index,
            after > 0);
    }
}
