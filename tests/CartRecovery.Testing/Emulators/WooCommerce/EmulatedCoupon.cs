using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>A coupon created through the API, with the JSON it was created from.</summary>
public sealed record EmulatedCoupon(long Id, string Code, JsonObject Request);
