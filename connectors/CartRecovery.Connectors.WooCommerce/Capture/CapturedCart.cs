namespace CartRecovery.Connectors.WooCommerce.Capture;

/// <summary>
/// A validated <c>POST /capture/{key}</c> body: what the storefront script saw in the shopper's cart and the email they
/// typed, with their consent. <see cref="CartId"/> is the script's own id for the browser's cart. <see cref="Phone"/> is the
/// billing phone as typed, and <see cref="SmsConsent"/> the store's SMS checkbox (null when the store has none).
/// </summary>
internal sealed record CapturedCart(string CartId, string Email, bool Consent, string? Currency, IReadOnlyList<CapturedCartItem> Items,
    string? Phone = null, bool? SmsConsent = null);
