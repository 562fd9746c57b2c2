namespace CartRecovery.Connectors.Shopify.Admin;

/// <summary>Where and as whom to call one shop's Admin API. <see cref="ShopBaseUrl"/> ends with a slash.</summary>
internal sealed record ShopifyConnection(Uri ShopBaseUrl, string AccessToken)
{
    public override string ToString() => $"ShopifyConnection {{ ShopBaseUrl = {ShopBaseUrl}, token hidden }}";
}
