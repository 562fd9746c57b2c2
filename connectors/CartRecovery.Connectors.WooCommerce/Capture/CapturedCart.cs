namespace CartRecovery.Connectors.WooCommerce.Capture;

/// <summary>
/// A validated <c>POST /capture/{key}</c> body: what the storefront script saw in the shopper's cart and the email they
/// typed, with their consent. <see cref="CartId"/> is the script's own id for the browser's cart.
/// </summary>
public sealed record CapturedCart(string CartId, string Email, bool Consent, string? Currency, IReadOnlyList<CapturedCartItem> Items);
