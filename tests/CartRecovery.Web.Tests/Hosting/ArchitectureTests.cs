using System.Reflection;
using System.Runtime.CompilerServices;
using CartRecovery.Connectors.Demo;
using CartRecovery.Connectors.Shopify;
using CartRecovery.Connectors.WooCommerce;
using CartRecovery.Email.Postmark;

namespace CartRecovery.Web.Tests.Hosting;

/// <summary>
/// Pins issue 14's shape: each platform owns its HTTP surface in its own project, the host only wires them, and a
/// connector shows the host nothing but its entry points.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string[] PlatformNames = ["Shopify", "WooCommerce", "Postmark"];

    [Fact]
    public void HostFeatures_NameNoPlatform()
    {
        var named = typeof(Program).Assembly.GetTypes()
            .Where(t => !t.IsNested && !t.IsDefined(typeof(CompilerGeneratedAttribute)))
            .Where(t => t.Namespace?.StartsWith("CartRecovery.Web.Features", StringComparison.Ordinal) == true)
            .Where(t => PlatformNames.Any(p => t.FullName!.Contains(p, StringComparison.Ordinal)))
            .Select(t => t.FullName!)
            .Order(StringComparer.Ordinal);

        Assert.Empty(named);
    }

    [Theory]
    [InlineData(typeof(ShopifyConnectorEndpoints), new[] { "ShopifyConnectorEndpoints", "ShopifyOptions", "ShopifyServiceCollectionExtensions" })]
    [InlineData(typeof(WooCommerceConnectorEndpoints), new[] { "WooCommerceConnectorEndpoints", "WooCommerceOptions", "WooCommerceServiceCollectionExtensions" })]
    [InlineData(typeof(PostmarkEmailEndpoints), new[] { "PostmarkEmailEndpoints", "PostmarkOptions", "PostmarkServiceCollectionExtensions", "PostmarkWebhookOptions" })]
    public void ConnectorPublicTypes_AreOnlyItsEntryPoints(Type entryPoint, string[] expected)
    {
        var exported = entryPoint.Assembly.GetExportedTypes().Select(t => t.Name).Order(StringComparer.Ordinal);

        Assert.Equal(expected.Order(StringComparer.Ordinal), exported);
    }

    [Theory]
    [InlineData(typeof(ShopifyConnectorEndpoints))]
    [InlineData(typeof(WooCommerceConnectorEndpoints))]
    [InlineData(typeof(DemoConnectorEndpoints))]
    [InlineData(typeof(PostmarkEmailEndpoints))]
    public void Connector_ReferencesNeitherTheHostNorDataNorAnotherConnector(Type entryPoint)
    {
        var own = entryPoint.Assembly.GetName().Name!;
        var references = entryPoint.Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("CartRecovery.", StringComparison.Ordinal));

        Assert.Equal(["CartRecovery.Core"], references.Where(n => n != own));
    }
}
