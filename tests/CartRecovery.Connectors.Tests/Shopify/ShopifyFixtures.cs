using System.Text.Json;

namespace CartRecovery.Connectors.Tests.Shopify;

/// <summary>Recorded Shopify payloads under <c>Fixtures/shopify/</c>.</summary>
internal static class ShopifyFixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "shopify", name));

    public static JsonElement Json(string name) => JsonDocument.Parse(Read(name)).RootElement.Clone();

    /// <summary>The nodes of a recorded <c>abandonedCheckouts</c> page.</summary>
    public static IReadOnlyList<JsonElement> CheckoutNodes(string page) =>
        Json(page).GetProperty("data").GetProperty("abandonedCheckouts").GetProperty("nodes").EnumerateArray().ToList();
}
