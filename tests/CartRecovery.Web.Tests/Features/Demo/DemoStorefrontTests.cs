using System.Net;
using System.Text.RegularExpressions;
using CartRecovery.Connectors.Demo;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Stores;
using MimeKit;

namespace CartRecovery.Web.Tests.Features.Demo;

/// <summary>The demo shop as a visitor's browser uses it over HTTP: their own cart, its checkout, and its emails.</summary>
public sealed partial class DemoStorefrontTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new(demo: true);
    private readonly RecoveryDriver _drive;
    private readonly HttpClient _visitor;

    public DemoStorefrontTests()
    {
        _drive = new RecoveryDriver(_app);
        _visitor = _app.BrowserClient();
    }

    public void Dispose()
    {
        _visitor.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task AddToCart_SameVariantTwice_KeepsOneLineWithQuantityTwo()
    {
        await AddAsync("ALP-JKT-M");
        await AddAsync("ALP-JKT-M");
        await AddAsync("ALP-BNE-01");

        var cart = await VisitorCartAsync();
        Assert.Equal(2, cart.Lines.Count);
        Assert.Equal(2, cart.Lines.Single(l => l.VariantId == "ALP-JKT-M").Quantity);
        Assert.Equal(2 * 18900 + 2900, cart.TotalMinor);
        Assert.EndsWith("/demo/images/ALP-JKT-M.png", cart.Lines[0].ImageUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateQuantity_ToZero_RemovesTheLine()
    {
        await AddAsync("ALP-JKT-M");
        await AddAsync("ALP-BNE-01");

        var response = await PostAsync("/demo/cart/update", "/demo/cart", ("sku", "ALP-JKT-M"), ("quantity", "0"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("ALP-BNE-01", Assert.Single((await VisitorCartAsync()).Lines).VariantId);
    }

    [Fact]
    public async Task AddToCart_WithoutTheAntiforgeryToken_ChangesNothing()
    {
        var before = await CartCountAsync();

        var response = await _visitor.PostAsync("/demo/cart/add", new FormUrlEncodedContent([new("sku", "ALP-JKT-M")]), _drive.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CartCountAsync());
    }

    [Fact]
    public async Task Checkout_WithABadEmail_ShowsTheFieldErrorAndChangesNothing()
    {
        await AddAsync("ALP-JKT-M");

        var response = await PostAsync("/demo/checkout", "/demo/checkout", ("email", "not-an-address"), ("firstName", "Ana"));
        var page = await response.Content.ReadAsStringAsync(_drive.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("""id="email" name="email" type="email" value="not-an-address" autocomplete="email" aria-invalid="true" """, page, StringComparison.Ordinal);
        Assert.Contains("Enter an email address such as name@example.com.", page, StringComparison.Ordinal);
        Assert.Null((await VisitorCartAsync()).Contact.Email);
    }

    [Theory]
    [InlineData("", "yes", "Enter your mobile number to get text messages.")]
    [InlineData("call me maybe", "yes", "Enter a phone number such as +33 6 12 34 56 78, or leave it empty.")]
    [InlineData("06 12 +34 56 78", "", "Enter a phone number such as +33 6 12 34 56 78, or leave it empty.")]
    public async Task Checkout_WithSmsConsentButNoUsablePhone_ShowsThePhoneErrorAndChangesNothing(string phone, string smsConsent, string error)
    {
        await AddAsync("ALP-JKT-M");

        var response = await PostAsync("/demo/checkout", "/demo/checkout", ("email", "visitor@example.com"), ("firstName", "Ana"),
            ("phone", phone), ("smsConsent", smsConsent));
        var page = await response.Content.ReadAsStringAsync(_drive.Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("""id="phone" name="phone" type="tel" """, page, StringComparison.Ordinal);
        Assert.Contains(error, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Equal(new CartContact(), (await VisitorCartAsync()).Contact with { Locale = null });
    }

    [Fact]
    public async Task Checkout_WithAMobileAndSmsConsent_ThenLeaving_GetsTheVisitorATextInThePickupFolder()
    {
        await AddAsync("ALP-JKT-M");

        var response = await PostAsync("/demo/checkout", "/demo/checkout", ("email", "visitor@example.com"), ("firstName", "Ana"),
            ("phone", "06 12 34 56 78"), ("smsConsent", "yes"));
        var cart = await VisitorCartAsync();
        await LeaveUntilTheTextAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(("06 12 34 56 78", true), (cart.Contact.Phone, cart.Contact.AcceptsSms));
        var text = Assert.Single(Sms.SmsCarts.PickedUpTexts(_app));
        Assert.Equal("+33612345678", text.GetProperty("to").GetString());
        Assert.StartsWith("Alpine & Co. (demo): Ana, your cart (€189.00) is waiting for you: http://localhost/s/", text.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkout_WithAMobileButNoSmsConsent_KeepsTheNumberAndSendsNoText()
    {
        await AddAsync("ALP-JKT-M");

        await PostAsync("/demo/checkout", "/demo/checkout", ("email", "visitor@example.com"), ("firstName", "Ana"), ("phone", "06 12 34 56 78"));
        await LeaveUntilTheTextAsync();

        Assert.Equal(("06 12 34 56 78", (bool?)false), ((await VisitorCartAsync()).Contact.Phone, (await VisitorCartAsync()).Contact.AcceptsSms));
        Assert.Empty(Sms.SmsCarts.PickedUpTexts(_app));
        Assert.NotEmpty(_app.PickedUpEmails());
    }

    [Fact]
    public async Task Checkout_ThenLeaving_AbandonsTheCartAndEmailsTheVisitorAtTheShopsPrices()
    {
        await AddAsync("ALP-JKT-M");
        var shopPage = await _visitor.GetStringAsync("/demo/cart", _drive.Ct);

        var response = await PostAsync("/demo/checkout", "/demo/checkout", ("email", "visitor@example.com"), ("firstName", "Ana"), ("lastName", "Lima"), ("consent", "yes"));
        var cart = await VisitorCartAsync();
        _drive.Advance(TimeSpan.FromSeconds(11));
        await _drive.DetectAsync();
        _drive.Advance(TimeSpan.FromSeconds(5));
        await _drive.DispatchAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/demo/cart/{cart.ExternalId}", response.Headers.Location?.OriginalString);
        Assert.Equal(new CartContact("visitor@example.com", null, "Ana", "Lima", "en", true), cart.Contact);
        var email = MimeMessage.Load(Assert.Single(_app.PickedUpEmails()), _drive.Ct);
        Assert.Equal("visitor@example.com", email.To.Mailboxes.Single().Address);
        // One way to write a price: the shop's cart page and the email both say "€189.00".
        Assert.Contains("€189.00", shopPage, StringComparison.Ordinal);
        Assert.Contains("€189.00", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("189.00 EUR", shopPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shop_InFrench_SpeaksFrenchAndWritesFrenchPrices()
    {
        var home = await _visitor.GetStringAsync("/demo/?lang=fr", _drive.Ct);
        await AddAsync("ALP-JKT-M");
        var cartPage = WebUtility.HtmlDecode(await _visitor.GetStringAsync("/demo/cart", _drive.Ct));

        Assert.Contains("""<html lang="fr">""", home, StringComparison.Ordinal);
        Assert.Contains("Ajouter au panier", home, StringComparison.Ordinal);
        Assert.Contains("Doudoune Ridgeline", cartPage, StringComparison.Ordinal);
        Assert.Contains("189,00\u00A0€", cartPage, StringComparison.Ordinal);
        Assert.Equal("fr", (await VisitorCartAsync()).Contact.Locale);
    }

    [Fact]
    public async Task Home_ShowsEachProductOnceWithAnAddToCartButton()
    {
        var home = await _visitor.GetStringAsync("/demo/", _drive.Ct);

        foreach (var product in DemoCatalog.Products)
            Assert.Single(Regex.Matches(home, $">{Regex.Escape(product.Title)}<"));
        Assert.Equal(DemoCatalog.Products.Count, Regex.Count(home, "<button type=\"submit\">Add to cart</button>"));
    }

    [Fact]
    public async Task Pages_HaveNoInlineStyleOrScript()
    {
        await AddAsync("ALP-JKT-M");

        foreach (var path in new[] { "/demo/", "/demo/products/ridgeline-down-jacket", "/demo/cart", "/demo/checkout" })
        {
            var response = await _visitor.GetAsync(path, _drive.Ct);
            var html = await response.Content.ReadAsStringAsync(_drive.Ct);
            Assert.Contains("""<link rel="stylesheet" href="/demo/assets/shop.css">""", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void French_HasNoEmptyTranslation()
    {
        Assert.All(Connectors.Demo.Storefront.ShopText.French, entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), entry.Key));
    }

    /// <summary>The visitor is gone: 10 seconds to abandonment, then the demo sequence's text falls due at 30 seconds.</summary>
    private async Task LeaveUntilTheTextAsync()
    {
        _drive.Advance(TimeSpan.FromSeconds(11));
        await _drive.DetectAsync();
        _drive.Advance(TimeSpan.FromSeconds(31));
        await _drive.DispatchAsync();
    }

    private async Task AddAsync(string sku)
    {
        var response = await PostAsync("/demo/cart/add", "/demo/", ("sku", sku));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Posts a form of <paramref name="page"/> with its antiforgery token, as the browser would.</summary>
    private async Task<HttpResponseMessage> PostAsync(string action, string page, params (string Name, string Value)[] fields)
    {
        var html = await (await _visitor.GetAsync(page, _drive.Ct)).Content.ReadAsStringAsync(_drive.Ct);
        var token = TokenField().Match(html).Groups[1].Value;
        return await _visitor.PostAsync(action, new FormUrlEncodedContent([new("__af", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]), _drive.Ct);
    }

    private async Task<Cart> VisitorCartAsync()
    {
        var store = await _app.DemoStoreAsync();
        var carts = await _app.Service<ICartRepository>().ListAsync(new CartQuery(store.Id, Take: 5000), _drive.Ct);
        return Assert.Single(carts, c => c.ExternalId.StartsWith("web-", StringComparison.Ordinal));
    }

    private async Task<int> CartCountAsync()
    {
        var store = await _app.DemoStoreAsync();
        return (await _app.Service<ICartRepository>().ListAsync(new CartQuery(store.Id, Take: 5000), _drive.Ct)).Count;
    }

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
