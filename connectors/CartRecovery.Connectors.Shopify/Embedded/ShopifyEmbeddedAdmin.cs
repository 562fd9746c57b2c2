using CartRecovery.Core.Pages;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.Shopify.Embedded;

/// <summary>
/// The Shopify admin as the frame of the app's pages: App Bridge from Shopify's CDN, framed by the shop's admin, the
/// retry header App Bridge answers with a fresh session token, and the bounce page that gets one
/// (<see cref="ShopifyEmbeddedBounce"/>); on the app's pages, App Bridge's menu and title bar and the script that
/// gives links and forms a session token (<see cref="ShopifyEmbeddedScript"/>).
/// </summary>
internal sealed class ShopifyEmbeddedAdmin(IOptions<ShopifyOptions> options) : EmbeddedAdmin
{
    /// <summary>Shopify's App Bridge script (https://shopify.dev/docs/api/app-bridge-library): always loaded from here.</summary>
    public const string AppBridgeScript = "https://cdn.shopify.com/shopifycloud/app-bridge.js";

    public override string ScriptSource => AppBridgeScript;

    public override string HeadHtml => $"""
        <meta name="shopify-api-key" content="{PlainPage.Encode(options.Value.ClientId)}">
          <script src="{AppBridgeScript}"></script>
        """;

    public override string AppHeadHtml => $"""
        {HeadHtml}
          <script src="{ShopifyEmbeddedScript.Source}" defer></script>
        """;

    // App Bridge shows the <ui-nav-menu> links as the app's menu in the admin (the first, rel="home", is its home) and
    // <ui-title-bar> as its title bar: https://shopify.dev/docs/api/app-bridge-library/web-components.
    public override string Chrome(IReadOnlyList<EmbeddedMenuItem> menu, string title)
    {
        ArgumentNullException.ThrowIfNull(menu);
        var links = string.Concat(menu.Select((item, i) =>
            $"""<a href="{PlainPage.Encode(item.Href)}"{(i == 0 ? HomeRel : "")}>{PlainPage.Encode(item.Label)}</a>"""));
        return $"""<ui-nav-menu>{links}</ui-nav-menu><ui-title-bar title="{PlainPage.Encode(title)}"></ui-title-bar>""";
    }

    private const string HomeRel = " rel=\"home\"";

    public override string RetryHeader => "X-Shopify-Retry-Invalid-Session-Request";

    public override string InvalidTokenDetail => "The Shopify session token is missing, invalid or expired; fetch a fresh one with shopify.idToken().";

    public override string? FrameAncestors(string? shop) => ShopifyConnectorEndpoints.AdminFrameAncestors(shop);

    public override string BounceLocation(string page, IEnumerable<KeyValuePair<string, string>> query) =>
        ShopifyEmbeddedBounce.Location(page, query);

    public override string StaleFormDocument(string? locale)
    {
        var text = ShopifyEmbeddedText.For(locale);
        return PlainPage.Document(text.OpenFromAdminTitle, $"<h1>{PlainPage.Encode(text.OpenFromAdminTitle)}</h1><p>{PlainPage.Encode(text.OpenFromAdmin)}</p>",
            text.Lang);
    }
}
