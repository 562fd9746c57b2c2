using System.Text.Json;
using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.Tests.WooCommerce.Support;

/// <summary>Recorded WooCommerce payloads under <c>Fixtures/woocommerce/</c> (copied to the output directory).</summary>
internal static class WooCommerceFixtures
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "woocommerce", name));

    public static JsonElement Json(string name) => JsonDocument.Parse(Text(name)).RootElement.Clone();

    /// <summary>A connected WooCommerce store whose site is <c>https://shop.test</c>.</summary>
    public static Store Store(long id = 3) => new()
    {
        Id = id,
        Platform = Platforms.WooCommerce,
        ExternalId = "https://shop.test",
        Name = "Shop Test",
        StorefrontUrl = "https://shop.test/",
        Currency = "EUR",
        SenderEmail = "shop@shop.test",
        SenderName = "Shop Test",
    };
}
