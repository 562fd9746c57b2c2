using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Sequences;
using CartRecovery.Email.Templates;
using CartRecovery.Testing;

namespace CartRecovery.Email.Tests.Templates;

public sealed class FluidEmailComposerTests
{
    private static readonly DateTimeOffset OfferExpiry = new(2026, 11, 24, 17, 0, 0, TimeSpan.Zero);
    private readonly FluidEmailComposer _composer = new(TemplateCatalog.FromEmbeddedResources());

    [Fact]
    public async Task ComposeAsync_Reminder_RendersStoreLinesTotalAndLinksInBothParts()
    {
        var cart = TestData.Cart(
            TestData.Line("Linen shirt", quantity: 2, unitPriceMinor: 1250),
            TestData.Line("Canvas tote", quantity: 1, unitPriceMinor: 3900, variantTitle: "Natural"));

        var email = await ComposeAsync(EmailTestData.Model(cart));

        foreach (var body in new[] { email.HtmlBody, email.TextBody })
        {
            Assert.Contains("Maple Goods", body, StringComparison.Ordinal);
            Assert.Contains("Linen shirt", body, StringComparison.Ordinal);
            Assert.Contains("Canvas tote", body, StringComparison.Ordinal);
            Assert.Contains("Natural", body, StringComparison.Ordinal);
            Assert.Contains("€25.00", body, StringComparison.Ordinal);
            Assert.Contains("€39.00", body, StringComparison.Ordinal);
            Assert.Contains("€64.00", body, StringComparison.Ordinal);
            Assert.Contains(EmailTestData.RestoreUrl, body, StringComparison.Ordinal);
            Assert.Contains(EmailTestData.UnsubscribeUrl, body, StringComparison.Ordinal);
        }
        Assert.Contains("2 &times; €12.50", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("2 x €12.50", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_Reminder_LinksButtonToRestoreUrlAndFooterToUnsubscribeUrl()
    {
        var email = await ComposeAsync(EmailTestData.Model());

        Assert.Matches($"<a href=\"{EmailTestData.RestoreUrl}\"[^>]*>Return to your cart</a>", email.HtmlBody);
        Assert.Matches($"<a href=\"{EmailTestData.UnsubscribeUrl}\"[^>]*>Unsubscribe</a>", email.HtmlBody);
        Assert.Contains("You left something behind", email.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("woocommerce", "https://shop.example/checkout/order-pay/42/?pay_for_order=true&key=wc_order_x", true)]
    [InlineData("woocommerce", "https://shop.example/cart/", false)]
    [InlineData("shopify", "https://shop.example/checkout/order-pay/42/", false)]
    public async Task ComposeAsync_WhenTheLinkOpensAWooCommerceOrderPayPage_SaysWhichEmailToGive(string platform, string restoreUrl, bool expected)
    {
        var cart = TestData.Cart(TestData.Line("Linen shirt")) with { RestoreUrl = restoreUrl };
        var store = TestData.Store() with { Platform = platform };

        var email = await ComposeAsync(EmailTestData.Model(cart, store));

        var address = cart.Contact.Email!;
        Assert.Equal(expected, email.TextBody.Contains($"asks for your email to open the order, enter {address}", StringComparison.Ordinal));
        Assert.Equal(expected, email.HtmlBody.Contains("asks for your email to open the order", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("#0b6e4f", "#0b6e4f")]
    [InlineData("red;background:url(javascript:x)", "#18181b")]
    [InlineData(null, "#18181b")]
    public async Task ComposeAsync_BrandColour_OnlyAPlainHexColourReachesTheButton(string? configured, string expected)
    {
        var store = TestData.Store() with { BrandColor = configured };

        var email = await ComposeAsync(EmailTestData.Model(store: store));

        Assert.Contains($"background-color:{expected}", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_Reminder_SubjectNamesCustomerAndStore()
    {
        var email = await ComposeAsync(EmailTestData.Model());

        Assert.Equal("Anna, your cart at Maple Goods is waiting", email.Subject);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task ComposeAsync_WhenFirstNameIsMissing_GreetsWithHiThere(string? firstName)
    {
        var cart = TestData.Cart() with { Contact = new CartContact(Email: "anna@example.com", FirstName: firstName) };

        var email = await ComposeAsync(EmailTestData.Model(cart));

        Assert.Contains("Hi there,", email.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("Hi there,", email.TextBody, StringComparison.Ordinal);
        Assert.Equal("Your cart at Maple Goods is waiting", email.Subject);
    }

    [Fact]
    public async Task ComposeAsync_Offer_RendersCodeDescriptionAndExpiryInStoreTimeZone()
    {
        var model = EmailTestData.Model(
            store: TestData.Store(timeZone: "Europe/Paris"),
            template: SequencePresets.OfferTemplate,
            offer: new IssuedOffer("COMEBACK-7Q2X", "10% off", OfferExpiry));

        var email = await ComposeAsync(model);

        foreach (var body in new[] { email.HtmlBody, email.TextBody })
        {
            Assert.Contains("COMEBACK-7Q2X", body, StringComparison.Ordinal);
            Assert.Contains("Here's 10% off to finish your order", body, StringComparison.Ordinal);
            Assert.Contains("24 Nov 2026 18:00", body, StringComparison.Ordinal);
            Assert.Contains(EmailTestData.RestoreUrl, body, StringComparison.Ordinal);
        }
        Assert.Equal("Anna, here's 10% off to finish your order at Maple Goods", email.Subject);
    }

    [Fact]
    public async Task ComposeAsync_WhenStoreTimeZoneIsUnknown_ShowsExpiryInUtc()
    {
        var model = EmailTestData.Model(
            store: TestData.Store(timeZone: "Mars/Olympus_Mons"),
            template: SequencePresets.OfferTemplate,
            offer: new IssuedOffer("COMEBACK-7Q2X", "10% off", OfferExpiry));

        var email = await ComposeAsync(model);

        Assert.Contains("24 Nov 2026 17:00", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_WhenProductNameIsHostile_EscapesItInHtmlAndKeepsItInText()
    {
        const string hostile = "<script>alert(1)</script>";
        var cart = TestData.Cart(TestData.Line(hostile));

        var email = await ComposeAsync(EmailTestData.Model(cart));

        Assert.DoesNotContain("<script", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(hostile, email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_WhenProductUrlIsNotWeb_LeavesItOut()
    {
        var cart = TestData.Cart(TestData.Line(productUrl: "javascript:alert(1)", imageUrl: "data:image/png;base64,AAAA"));

        var email = await ComposeAsync(EmailTestData.Model(cart));

        Assert.DoesNotContain("javascript:", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:image", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Linen shirt", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_WhenALineHasNoImage_OmitsOnlyItsImgTag()
    {
        var cart = TestData.Cart(
            TestData.Line("Linen shirt", imageUrl: "https://cdn.maple.example.com/linen-shirt.jpg"),
            TestData.Line("Gift card", imageUrl: null));

        var email = await ComposeAsync(EmailTestData.Model(cart));

        var img = Assert.Single(System.Text.RegularExpressions.Regex.Matches(email.HtmlBody, "<img ")).Index;
        Assert.Contains("src=\"https://cdn.maple.example.com/linen-shirt.jpg\"", email.HtmlBody[img..], StringComparison.Ordinal);
        Assert.Contains("Gift card", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_WhenTemplateIsUnknown_ThrowsNamingIt()
    {
        var model = EmailTestData.Model(template: "winback");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ComposeAsync(model));

        Assert.Contains("'winback'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WhenCatalogLacksATemplateOfTheShippedSequences_Throws()
    {
        var files = TemplateCatalogTests.MinimalFiles("reminder");

        var error = Assert.Throws<InvalidOperationException>(() => new FluidEmailComposer(TemplateCatalog.FromFiles(files)));

        Assert.Contains("'offer'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_WithAVariantSubject_SendsItInsteadOfTheTemplatesSubject()
    {
        var model = EmailTestData.Model();
        model = model with { Message = model.Message with { SubjectOverride = "{{ customer.first_name }}, {{ store.name }} kept it for you" } };

        var email = await ComposeAsync(model);

        Assert.Equal("Anna, Maple Goods kept it for you", email.Subject);
        Assert.Contains("You left something behind", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_WithAVariantSubjectThatDoesNotParse_SendsTheTemplatesSubject()
    {
        var plain = await ComposeAsync(EmailTestData.Model());
        var model = EmailTestData.Model();

        var email = await ComposeAsync(model with { Message = model.Message with { SubjectOverride = "{% if %}" } });

        Assert.Equal(plain.Subject, email.Subject);
    }

    [Theory]
    [InlineData(SequencePresets.ReminderTemplate, "en", "Tell us why with one click", "Just looking")]
    [InlineData(SequencePresets.OfferTemplate, "fr", "Dites-nous pourquoi en un clic", "Je compare les boutiques")]
    public async Task ComposeAsync_FirstEmail_ListsOneLinkPerReasonInItsLanguage(string template, string locale, string question, string label)
    {
        var cart = TestData.Cart() with { Contact = TestData.Cart().Contact with { Locale = locale } };
        var model = EmailTestData.Model(cart, template: template) with { ReasonUrl = "https://recover.example.com/why/AQMtoken" };

        var email = await ComposeAsync(model);

        foreach (var body in new[] { email.HtmlBody, email.TextBody })
        {
            Assert.Contains(question, body, StringComparison.Ordinal);
            Assert.All(LeaveReasonSlugs.All, r => Assert.Contains($"https://recover.example.com/why/AQMtoken?r={LeaveReasonSlugs.Slug(r)}", body, StringComparison.Ordinal));
        }
        Assert.Contains($">{label}</a>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_LaterEmail_HasNoReasonLinks()
    {
        var email = await ComposeAsync(EmailTestData.Model(template: SequencePresets.OfferTemplate));

        Assert.DoesNotContain("/why/", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/why/", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_ReminderGivenAnOffer_ShowsTheCode()
    {
        // A shipping-cost reason gives the next email free shipping, whichever template it uses.
        var email = await ComposeAsync(EmailTestData.Model(offer: new IssuedOffer("SHIP-4K2P", "free shipping", OfferExpiry)));

        foreach (var body in new[] { email.HtmlBody, email.TextBody })
            Assert.Contains("SHIP-4K2P", body, StringComparison.Ordinal);
    }

    private Task<EmailContent> ComposeAsync(EmailModel model) => _composer.ComposeAsync(model, TestContext.Current.CancellationToken);
}
