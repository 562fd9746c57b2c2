namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>One webhook delivery attempt: <see cref="StatusCode"/> is null when the target did not answer in time.</summary>
public sealed record ShopifyDeliveredWebhook(
    Uri Target,
    string Topic,
    string WebhookId,
    int Attempt,
    int? StatusCode,
    string Body,
    DateTimeOffset SentAt)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
