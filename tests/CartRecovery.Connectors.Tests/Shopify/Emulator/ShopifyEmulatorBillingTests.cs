using System.Text.Json.Nodes;
using CartRecovery.Testing.Emulators.Shopify;

namespace CartRecovery.Connectors.Tests.Shopify.Emulator;

/// <summary>The emulator refuses billing input as Shopify documents it, so a client mistake shows up in tests.</summary>
public sealed class ShopifyEmulatorBillingTests
{
    private const string Create = """
        mutation Create($name: String!, $returnUrl: URL!, $lineItems: [AppSubscriptionLineItemInput!]!) {
          appSubscriptionCreate(name: $name, returnUrl: $returnUrl, lineItems: $lineItems) {
            appSubscription { id status lineItems { id plan { pricingDetails { __typename } } } }
            confirmationUrl
            userErrors { field message }
          }
        }
        """;

    private const string Usage = """
        mutation Usage($id: ID!, $price: MoneyInput!) {
          appUsageRecordCreate(subscriptionLineItemId: $id, price: $price, description: "emails") { appUsageRecord { id } userErrors { field message } }
        }
        """;

    private static JsonObject Recurring(string amount) =>
        new() { ["plan"] = new JsonObject { ["appRecurringPricingDetails"] = new JsonObject { ["price"] = Money(amount), ["interval"] = "EVERY_30_DAYS" } } };

    private static JsonObject UsageLine(string cap) =>
        new() { ["plan"] = new JsonObject { ["appUsagePricingDetails"] = new JsonObject { ["cappedAmount"] = Money(cap), ["terms"] = "0.01 per email" } } };

    private static JsonObject Money(string amount, string currency = "USD") => new() { ["amount"] = amount, ["currencyCode"] = currency };

    private static JsonObject Variables(params JsonObject[] lines) => new()
    {
        ["name"] = "Growth",
        ["returnUrl"] = "https://app.example.com/billing/return",
        ["lineItems"] = new JsonArray([.. lines]),
    };

    [Fact]
    public async Task AppSubscriptionCreate_WithTwoRecurringLines_IsRefusedAndCreatesNothing()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);

        var (_, body) = await http.GraphQlAsync(shop.IssueOfflineToken(false).AccessToken, Create, Variables(Recurring("29.00"), Recurring("5.00")));

        var payload = body["data"]!["appSubscriptionCreate"]!;
        Assert.Null(payload["appSubscription"]);
        Assert.Equal("Only one pricing plan can be defined for each available type", payload["userErrors"]![0]!["message"]!.GetValue<string>());
        Assert.Empty(shop.AppSubscriptions);
    }

    [Fact]
    public async Task AppUsageRecordCreate_BeforeApprovalOrInAnotherCurrency_IsRefused()
    {
        await using var shop = await ShopifyEmulator.StartAsync();
        using var http = new EmulatorHttp(shop);
        var token = shop.IssueOfflineToken(false).AccessToken;
        var (_, created) = await http.GraphQlAsync(token, Create, Variables(UsageLine("50.00")));
        var subscription = created["data"]!["appSubscriptionCreate"]!["appSubscription"]!;
        var line = subscription["lineItems"]![0]!["id"]!.GetValue<string>();

        var (_, pending) = await http.GraphQlAsync(token, Usage, new JsonObject { ["id"] = line, ["price"] = Money("1.00") });
        shop.AnswerAppSubscription(subscription["id"]!.GetValue<string>());
        var (_, euros) = await http.GraphQlAsync(token, Usage, new JsonObject { ["id"] = line, ["price"] = Money("1.00", "EUR") });
        var (_, accepted) = await http.GraphQlAsync(token, Usage, new JsonObject { ["id"] = line, ["price"] = Money("1.00") });

        Assert.Equal("Subscription is not active", pending["data"]!["appUsageRecordCreate"]!["userErrors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("Currency must be USD", euros["data"]!["appUsageRecordCreate"]!["userErrors"]![0]!["message"]!.GetValue<string>());
        Assert.Empty(accepted["data"]!["appUsageRecordCreate"]!["userErrors"]!.AsArray());
        Assert.Equal(1m, Assert.Single(shop.AppSubscriptions).BalanceUsed);
    }
}
