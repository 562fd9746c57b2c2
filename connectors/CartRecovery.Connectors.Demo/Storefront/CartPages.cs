using System.Globalization;
using System.Net.Mail;
using System.Text;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CartRecovery.Connectors.Demo.Storefront;

/// <summary>
/// The visitor's own cart: add, change, remove, then the checkout's contact step (email, name, email consent, and an
/// optional mobile number with its own SMS consent, as Shopify's checkout asks for them). Every change
/// is reported to CartRecovery as the platform would, so the cart is captured, abandoned and emailed like any other.
/// </summary>
internal static class CartPages
{
    public static void Map(RouteGroupBuilder demo)
    {
        demo.MapGet("/cart", CartAsync);
        demo.MapPost("/cart/add", AddAsync);
        demo.MapPost("/cart/update", UpdateAsync);
        demo.MapGet("/checkout", CheckoutAsync);
        demo.MapPost("/checkout", SaveContactAsync);
    }

    private static async Task<IResult> CartAsync(HttpContext http, IStoreRepository stores, ICartRepository carts, IAntiforgery antiforgery)
    {
        var shop = await ShopRequest.OpenAsync(http, stores, carts);
        if (shop.Store is null)
            return CatalogPages.Closed(shop);
        var t = shop.Text;
        if (shop.VisitorCart is not { Lines.Count: > 0 } cart)
            return ShopPage.Message(shop, t["Your cart is empty"], t["Pick something in the shop: every product has an Add to cart button."], "/demo/", t["Browse products"]);
        var rows = new StringBuilder();
        foreach (var line in cart.Lines)
        {
            var sku = ShopPage.Encode(line.VariantId);
            rows.Append(CultureInfo.InvariantCulture, $"""
                <tr>
                  <td class="product">{ShopPage.Thumb(line.ImageUrl, 56)}<span><strong>{ShopPage.Encode(line.Title)}</strong><span class="muted">{ShopPage.Encode(line.VariantTitle)}</span><span class="muted">{ShopPage.Encode(t.Money(line.UnitPriceMinor))}</span></span></td>
                  <td class="quantity-cell">
                    <form class="quantity-form" method="post" action="/demo/cart/update">{shop.Token(antiforgery)}<input type="hidden" name="sku" value="{sku}">
                      <input class="quantity" type="number" name="quantity" value="{line.Quantity}" min="0" max="{DemoCartLines.MaxQuantity}" aria-label="{ShopPage.Encode(t.Format("Quantity of {0}", line.Title))}">
                      <button type="submit" class="secondary small">{ShopPage.Encode(t["Update"])}</button>
                    </form>
                    <form method="post" action="/demo/cart/update">{shop.Token(antiforgery)}<input type="hidden" name="sku" value="{sku}"><input type="hidden" name="quantity" value="0">
                      <button type="submit" class="link" aria-label="{ShopPage.Encode(t.Format("Remove {0}", line.Title))}">{ShopPage.Encode(t["Remove"])}</button>
                    </form>
                  </td>
                  <td class="num">{ShopPage.Encode(t.Money(line.LineTotalMinor))}</td>
                </tr>
                """);
        }
        return ShopPage.Render(shop, t["Your cart"], $"""
            <h1>{ShopPage.Encode(t["Your cart"])}</h1>
            <section class="panel">
              <table class="lines"><tbody>{rows}</tbody></table>
              <p class="total-row"><span>{ShopPage.Encode(t["Subtotal"])}</span><strong>{ShopPage.Encode(t.Money(cart.TotalMinor))}</strong></p>
              <p class="actions"><a class="button secondary" href="/demo/">{ShopPage.Encode(t["Back to the shop"])}</a><a class="button" href="/demo/checkout">{ShopPage.Encode(t["Checkout"])}</a></p>
            </section>
            """);
    }

    private static Task<IResult> AddAsync(HttpContext http, IStoreRepository stores, ICartRepository carts, IAntiforgery antiforgery, DemoShop demo) =>
        PostAsync(http, stores, carts, antiforgery, async (shop, store, form) =>
        {
            if (DemoCatalog.FindVariant(form["sku"]) is not { } found)
                return ShopPage.Message(shop, shop.Text["No such product"], shop.Text["This product is not in our shop."], "/demo/", shop.Text["Back to the shop"], StatusCodes.Status400BadRequest);
            var quantity = int.TryParse(form["quantity"], NumberStyles.None, CultureInfo.InvariantCulture, out var q) ? Math.Clamp(q, 1, DemoCartLines.MaxQuantity) : 1;
            var (cartId, contact, lines) = shop.CartToFill();
            var line = DemoCartLines.Line(shop.Storefront, found.Product, found.Variant, shop.Text.Language, quantity);
            await demo.ReportCartAsync(store, cartId, contact, DemoCartLines.Add(lines, line), http.RequestAborted);
            shop.RememberCart(cartId);
            return Results.Redirect("/demo/cart");
        });

    private static Task<IResult> UpdateAsync(HttpContext http, IStoreRepository stores, ICartRepository carts, IAntiforgery antiforgery, DemoShop demo) =>
        PostAsync(http, stores, carts, antiforgery, async (shop, store, form) =>
        {
            if (shop.VisitorCart is { } cart && int.TryParse(form["quantity"], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity))
            {
                var lines = DemoCartLines.SetQuantity(cart.Lines, form["sku"].ToString(), quantity);
                await demo.ReportCartAsync(store, cart.ExternalId, cart.Contact, lines, http.RequestAborted);
            }
            return Results.Redirect("/demo/cart");
        });

    private static async Task<IResult> CheckoutAsync(HttpContext http, IStoreRepository stores, ICartRepository carts, IAntiforgery antiforgery)
    {
        var shop = await ShopRequest.OpenAsync(http, stores, carts);
        if (shop.Store is null)
            return CatalogPages.Closed(shop);
        if (shop.VisitorCart is not { Lines.Count: > 0 } cart)
            return Results.Redirect("/demo/cart");
        var contact = cart.Contact;
        return CheckoutPage(shop, antiforgery, cart, new(contact.Email, contact.FirstName, contact.LastName, contact.AcceptsMarketing == true,
            contact.Phone, contact.AcceptsSms == true), errors: new(StringComparer.Ordinal));
    }

    private static Task<IResult> SaveContactAsync(HttpContext http, IStoreRepository stores, ICartRepository carts, IAntiforgery antiforgery, DemoShop demo) =>
        PostAsync(http, stores, carts, antiforgery, async (shop, store, form) =>
        {
            if (shop.VisitorCart is not { Lines.Count: > 0 } cart)
                return Results.Redirect("/demo/cart");
            var email = form["email"].ToString().Trim();
            var first = form["firstName"].ToString().Trim();
            var last = form["lastName"].ToString().Trim();
            var consent = form["consent"].ToString() == "yes";
            var phone = form["phone"].ToString().Trim();
            var smsConsent = form["smsConsent"].ToString() == "yes";
            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!IsEmail(email))
                errors["email"] = shop.Text["Enter an email address such as name@example.com."];
            if (first.Length is 0 or > 100)
                errors["firstName"] = shop.Text["Enter your first name."];
            if (phone.Length > 0 && !IsPhone(phone))
                errors["phone"] = shop.Text["Enter a phone number such as +33 6 12 34 56 78, or leave it empty."];
            else if (phone.Length == 0 && smsConsent)
                errors["phone"] = shop.Text["Enter your mobile number to get text messages."];
            if (errors.Count > 0)
                return CheckoutPage(shop, antiforgery, cart, new(email, first, last, consent, phone, smsConsent), errors);

            // The number goes as typed, as platforms send it: CartRecovery reads it with the shop's country.
            var contact = new CartContact(email, phone.Length == 0 ? null : phone, first, last.Length is 0 or > 100 ? null : last, shop.Text.Language, consent,
                AcceptsSms: phone.Length == 0 ? null : smsConsent);
            await demo.ReportCartAsync(store, cart.ExternalId, contact, cart.Lines, http.RequestAborted);
            return Results.Redirect($"/demo/cart/{Uri.EscapeDataString(cart.ExternalId)}");
        });

    private static bool IsEmail(string value) =>
        value.Length is > 0 and <= 254 && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && value.Contains('.', StringComparison.Ordinal);

    // What a checkout form may hold for a phone: digits with the usual separators, 6 to 15 digits (E.164's longest).
    private static bool IsPhone(string value) =>
        value.Length <= 30 && value.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '.' or '(' or ')')
        && value.Count(char.IsAsciiDigit) is >= 6 and <= 15 && value.LastIndexOf('+') <= 0;

    private sealed record ContactForm(string? Email, string? First, string? Last, bool Consent, string? Phone, bool SmsConsent);

    private static IResult CheckoutPage(ShopRequest shop, IAntiforgery antiforgery, Cart cart, ContactForm contact, Dictionary<string, string> errors)
    {
        var t = shop.Text;
        string Field(string name, string label, string type, string? value, string autocomplete)
        {
            var error = errors.TryGetValue(name, out var message)
                ? $"""<p class="error" id="{name}-error">{ShopPage.Encode(message)}</p>"""
                : "";
            var invalid = error.Length > 0 ? $""" aria-invalid="true" aria-describedby="{name}-error" """ : " ";
            return $"""
                <div class="field">
                  <label for="{name}">{ShopPage.Encode(label)}</label>
                  <input id="{name}" name="{name}" type="{type}" value="{ShopPage.Encode(value)}" autocomplete="{autocomplete}"{invalid}>
                  {error}
                </div>
                """;
        }
        var summary = string.Concat(cart.Lines.Select(l =>
            $"""<li>{ShopPage.Thumb(l.ImageUrl, 40)}<span>{ShopPage.Encode(l.Title)} <span class="muted">× {l.Quantity.ToString("N0", t.Culture)}</span></span><span class="num">{ShopPage.Encode(t.Money(l.LineTotalMinor))}</span></li>"""));
        return ShopPage.Render(shop, t["Checkout"], $"""
            <h1>{ShopPage.Encode(t["Checkout"])}</h1>
            <div class="checkout">
              <section class="panel">
                <h2>{ShopPage.Encode(t["Contact"])}</h2>
                {(errors.Count > 0 ? $"""<p class="banner critical" role="alert">{ShopPage.Encode(t["Check the fields marked below."])}</p>""" : "")}
                <form method="post" action="/demo/checkout" novalidate>
                  {shop.Token(antiforgery)}
                  {Field("email", t["Email"], "email", contact.Email, "email")}
                  <div class="field-row">
                    {Field("firstName", t["First name"], "text", contact.First, "given-name")}
                    {Field("lastName", t["Last name"], "text", contact.Last, "family-name")}
                  </div>
                  <p class="check"><input id="consent" type="checkbox" name="consent" value="yes"{(contact.Consent ? " checked" : "")}><label for="consent">{ShopPage.Encode(t["Email me news and offers"])}</label></p>
                  {Field("phone", t["Mobile phone (optional)"], "tel", contact.Phone, "tel")}
                  <p class="check"><input id="smsConsent" type="checkbox" name="smsConsent" value="yes"{(contact.SmsConsent ? " checked" : "")}><label for="smsConsent">{ShopPage.Encode(t["Text me about my cart and offers (reply STOP at any time)"])}</label></p>
                  <button type="submit">{ShopPage.Encode(t["Continue to payment"])}</button>
                </form>
              </section>
              <aside class="panel">
                <ul class="summary">{summary}</ul>
                <p class="total-row"><span>{ShopPage.Encode(t["Total"])}</span><strong>{ShopPage.Encode(t.Money(cart.TotalMinor))}</strong></p>
              </aside>
            </div>
            """, errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    /// <summary>
    /// A form post of the shop: the shop must be open and the form must carry its antiforgery token (a 400 page
    /// otherwise, with nothing changed) before <paramref name="handle"/> reads it.
    /// </summary>
    public static async Task<IResult> PostAsync(HttpContext http, IStoreRepository stores, ICartRepository carts, IAntiforgery antiforgery,
        Func<ShopRequest, Store, IFormCollection, Task<IResult>> handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var shop = await ShopRequest.OpenAsync(http, stores, carts);
        if (shop.Store is not { } store)
            return CatalogPages.Closed(shop);
        return await shop.ReadFormAsync(antiforgery) is { } form ? await handle(shop, store, form) : Expired(shop);
    }

    private static IResult Expired(ShopRequest shop) =>
        ShopPage.Message(shop, shop.Text["This form has expired"], shop.Text["Go back, reload the page and try again."], "/demo/", shop.Text["Back to the shop"], StatusCodes.Status400BadRequest);
}
