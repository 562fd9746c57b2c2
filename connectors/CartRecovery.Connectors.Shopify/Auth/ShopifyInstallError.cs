namespace CartRecovery.Connectors.Shopify.Auth;

/// <summary>Why an install, callback or token connection was refused.</summary>
internal enum ShopifyInstallError
{
    /// <summary>The app has no client id or secret configured.</summary>
    NotConfigured,
    /// <summary>The <c>hmac</c> is missing or wrong: the request did not come from Shopify.</summary>
    InvalidSignature,
    /// <summary>The <c>shop</c> is not a <c>name.myshopify.com</c> domain.</summary>
    InvalidShop,
    /// <summary>The <c>timestamp</c> is missing or too far from our clock (a replayed link).</summary>
    StaleRequest,
    /// <summary>The callback's <c>state</c> is not the nonce this browser was given.</summary>
    StateMismatch,
    /// <summary>The callback carries no authorization <c>code</c>.</summary>
    MissingCode,
    /// <summary>Shopify refused to exchange the code for a token.</summary>
    TokenExchangeFailed,
    /// <summary>The merchant granted fewer scopes than the app needs.</summary>
    ScopesNotGranted,
    /// <summary>Shopify rejected the access token (401/403).</summary>
    TokenRejected,
    /// <summary>The shop could not be reached or kept failing.</summary>
    ShopUnreachable,
    /// <summary>The API address override is not an absolute http(s) URL.</summary>
    InvalidApiBaseUrl,
    /// <summary>Shopify refused a webhook subscription.</summary>
    WebhookRegistrationFailed,
}
