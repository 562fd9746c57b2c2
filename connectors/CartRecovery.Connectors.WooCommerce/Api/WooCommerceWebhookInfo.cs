namespace CartRecovery.Connectors.WooCommerce.Api;

/// <summary>A webhook as WooCommerce returns it after <c>POST /webhooks</c> (the secret is never echoed back).</summary>
internal sealed record WooCommerceWebhookInfo(long Id, string Topic, string DeliveryUrl, string Status);
