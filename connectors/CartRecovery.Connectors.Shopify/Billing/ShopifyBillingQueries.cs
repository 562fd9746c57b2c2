namespace CartRecovery.Connectors.Shopify.Billing;

/// <summary>
/// The Billing API's GraphQL (https://shopify.dev/docs/apps/launch/billing/subscription-billing): a subscription with a
/// recurring and/or a capped usage line item, usage records on the usage line, and the installation's active
/// subscriptions as the truth.
/// </summary>
internal static class ShopifyBillingQueries
{
    private const string SubscriptionFields = """
        id name status test trialDays createdAt currentPeriodEnd
        lineItems { id plan { pricingDetails { __typename ... on AppUsagePricing { terms cappedAmount { amount currencyCode } balanceUsed { amount currencyCode } } } } }
        """;

    public const string Subscribe = $$"""
        mutation CartRecoverySubscribe($name: String!, $returnUrl: URL!, $test: Boolean, $trialDays: Int, $lineItems: [AppSubscriptionLineItemInput!]!) {
          appSubscriptionCreate(name: $name, returnUrl: $returnUrl, test: $test, trialDays: $trialDays, lineItems: $lineItems) {
            appSubscription { {{SubscriptionFields}} }
            confirmationUrl
            userErrors { field message }
          }
        }
        """;

    public const string ActiveSubscriptions = $$"""
        query CartRecoveryActiveSubscriptions {
          currentAppInstallation { activeSubscriptions { {{SubscriptionFields}} } }
        }
        """;

    public const string RecordUsage = """
        mutation CartRecoveryUsage($subscriptionLineItemId: ID!, $price: MoneyInput!, $description: String!, $idempotencyKey: String) {
          appUsageRecordCreate(subscriptionLineItemId: $subscriptionLineItemId, price: $price, description: $description, idempotencyKey: $idempotencyKey) {
            appUsageRecord { id }
            userErrors { field message }
          }
        }
        """;
}
