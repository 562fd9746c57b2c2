using System.Security.Cryptography;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Connectors.Demo.Storefront;

/// <summary>
/// One request to the demo shop: the store, the visitor's language and their own cart. The visitor's cart is the one
/// named by the <c>demo_cart</c> cookie while it is open (active or abandoned); a closed one (ordered, expired) is
/// forgotten and the next "Add to cart" starts a new cart, as a shop does after an order.
/// </summary>
internal sealed class ShopRequest
{
    public const string CartCookie = "demo_cart";
    public const string LanguageCookie = "demo_lang";

    private ShopRequest(HttpContext http, Store? store, ShopText text, Cart? visitorCart)
    {
        Http = http;
        Store = store;
        Text = text;
        VisitorCart = visitorCart;
    }

    public HttpContext Http { get; }
    public Store? Store { get; }
    public ShopText Text { get; }
    public Cart? VisitorCart { get; private set; }
    public string ShopName => Store?.SenderName ?? "Alpine & Co.";
    public Uri Storefront => new(Store!.StorefrontUrl);

    /// <param name="cartLanguage">The language of a cart the page shows (a restore link's), used when the visitor chose none.</param>
    public static async Task<ShopRequest> OpenAsync(HttpContext http, IStoreRepository stores, ICartRepository carts, string? cartLanguage = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        var ct = http.RequestAborted;
        var store = await stores.FindAsync(Platforms.Demo, DemoCatalog.StoreKey, ct);
        Cart? visitorCart = null;
        if (store is not null && http.Request.Cookies[CartCookie] is { Length: > 0 and <= 100 } cartId)
        {
            visitorCart = await carts.FindAsync(store.Id, cartId, ct);
            if (visitorCart is not null && visitorCart.Status is not (CartStatus.Active or CartStatus.Abandoned))
                visitorCart = null;
        }
        return new ShopRequest(http, store, new ShopText(Language(http, cartLanguage ?? visitorCart?.Contact.Locale)), visitorCart);
    }

    /// <summary>A chosen language (<c>?lang=</c>, remembered in a cookie) wins, then the cart's, then the browser's.</summary>
    private static string Language(HttpContext http, string? cartLanguage)
    {
        if (http.Request.Query["lang"].ToString() is { Length: > 0 } chosen)
        {
            var language = DemoShopLanguage.Normalize(chosen);
            http.Response.Cookies.Append(LanguageCookie, language, new CookieOptions { Path = "/demo", HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            return language;
        }
        if (http.Request.Cookies[LanguageCookie] is { Length: > 0 } remembered)
            return DemoShopLanguage.Normalize(remembered);
        if (cartLanguage is not null)
            return DemoShopLanguage.Normalize(cartLanguage);
        var accept = http.Request.Headers.AcceptLanguage.ToString();
        return DemoShopLanguage.Normalize(accept.Split(',', ';')[0]);
    }

    /// <summary>This page in the other language (GET pages only; after a form, the shop's home).</summary>
    public string LanguageSwitchUrl(string language) =>
        (HttpMethods.IsGet(Http.Request.Method) ? Http.Request.Path.Value : "/demo/") + "?lang=" + language;

    /// <summary>The visitor's open cart, else a new cart id (not yet reported) with the visitor's language.</summary>
    public (string CartId, CartContact Contact, IReadOnlyList<CartLine> Lines) CartToFill() =>
        VisitorCart is { } cart
            ? (cart.ExternalId, cart.Contact, cart.Lines)
            : ("web-" + RandomNumberGenerator.GetHexString(16, lowercase: true), new CartContact(Locale: Text.Language), []);

    public void RememberCart(string cartId) =>
        Http.Response.Cookies.Append(CartCookie, cartId, new CookieOptions { Path = "/demo", HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });

    public void ForgetCart()
    {
        Http.Response.Cookies.Delete(CartCookie, new CookieOptions { Path = "/demo" });
        VisitorCart = null;
    }

    /// <summary>The hidden antiforgery field of a form (issuing its cookie on this response).</summary>
    public string Token(IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(Http);
        return $"""<input type="hidden" name="{ShopPage.Encode(tokens.FormFieldName)}" value="{ShopPage.Encode(tokens.RequestToken)}">""";
    }

    /// <summary>The posted form, or null when it is not a form or its antiforgery token is missing or wrong.</summary>
    public async Task<IFormCollection?> ReadFormAsync(IAntiforgery antiforgery)
    {
        if (!Http.Request.HasFormContentType)
            return null;
        try
        {
            await antiforgery.ValidateRequestAsync(Http);
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }
        return await Http.Request.ReadFormAsync(Http.RequestAborted);
    }
}
