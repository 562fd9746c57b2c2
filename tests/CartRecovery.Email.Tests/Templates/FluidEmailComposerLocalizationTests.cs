using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Sequences;
using CartRecovery.Email.Templates;
using CartRecovery.Testing;

namespace CartRecovery.Email.Tests.Templates;

/// <summary>The composer in English and French: language choice, French copy, money, dates and escaping in both.</summary>
public sealed class FluidEmailComposerLocalizationTests
{
    private const string Nbsp = "\u00A0";
    // HTML encoders always escape spaces other than U+0020, so the HTML part carries the no-break space as an entity.
    private const string HtmlNbsp = "&#xA0;";
    private static readonly DateTimeOffset OfferExpiry = new(2026, 11, 24, 17, 0, 0, TimeSpan.Zero);
    private readonly FluidEmailComposer _composer = new(TemplateCatalog.FromEmbeddedResources());

    [Fact]
    public async Task ComposeAsync_WhenCustomerLocaleIsFrench_RendersTheFrenchReminderAndFooter()
    {
        var email = await ComposeAsync(EmailTestData.Model(InLocale("fr-FR")));

        Assert.Equal("Anna, votre panier chez Maple Goods vous attend", email.Subject);
        Assert.Contains("<html lang=\"fr\">", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Votre panier vous attend", email.HtmlBody, StringComparison.Ordinal);
        Assert.Matches($"<a href=\"{EmailTestData.RestoreUrl}\"[^>]*>Revenir à mon panier</a>", email.HtmlBody);
        Assert.Matches($"<a href=\"{EmailTestData.UnsubscribeUrl}\"[^>]*>Se désabonner</a>", email.HtmlBody);
        Assert.Contains("Vous recevez cet e-mail car vous avez commencé une commande chez Maple Goods.", email.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("Bonjour Anna,", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Revenir à mon panier :\n{EmailTestData.RestoreUrl}", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Se désabonner : {EmailTestData.UnsubscribeUrl}", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Unsubscribe", email.HtmlBody + email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_WhenCustomerLocaleIsEnglish_RendersEnglishEvenInAFrenchStore()
    {
        var email = await ComposeAsync(EmailTestData.Model(InLocale("en-GB"), FrenchStore()));

        Assert.Equal("Anna, your cart at Maple Goods is waiting", email.Subject);
        Assert.Contains("<html lang=\"en\">", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe", email.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("de-DE")]
    public async Task ComposeAsync_WhenCustomerHasNoWrittenLanguage_UsesTheStoreLanguage(string? customerLocale)
    {
        var email = await ComposeAsync(EmailTestData.Model(InLocale(customerLocale), FrenchStore()));

        Assert.Equal("Anna, votre panier chez Maple Goods vous attend", email.Subject);
    }

    [Fact]
    public async Task ComposeAsync_WhenNeitherLanguageIsWritten_FallsBackToEnglish()
    {
        var email = await ComposeAsync(EmailTestData.Model(InLocale("de-DE"), TestData.Store() with { Locale = "es-ES" }));

        Assert.Equal("Anna, your cart at Maple Goods is waiting", email.Subject);
    }

    [Fact]
    public async Task ComposeAsync_InFrenchWithoutFirstName_GreetsWithBonjour()
    {
        var cart = TestData.Cart() with { Contact = new CartContact(Email: "anna@example.com", Locale: "fr") };

        var email = await ComposeAsync(EmailTestData.Model(cart));

        Assert.StartsWith("Bonjour,", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Bonjour, votre panier", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Votre panier chez Maple Goods vous attend", email.Subject);
    }

    [Fact]
    public async Task ComposeAsync_InFrench_FormatsMoneyWithCommaAndTrailingEuro()
    {
        var cart = InLocale("fr-FR", TestData.Line("Veste en lin", quantity: 2, unitPriceMinor: 9450));

        var email = await ComposeAsync(EmailTestData.Model(cart));

        Assert.Contains($"2 &times; 94,50{HtmlNbsp}€", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($">189,00{HtmlNbsp}€</td>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"2 x 94,50{Nbsp}€ = 189,00{Nbsp}€", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Total : 189,00{Nbsp}€", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_InEnglish_FormatsMoneyWithTheSymbolFirst()
    {
        var cart = InLocale("en", TestData.Line("Linen jacket", quantity: 2, unitPriceMinor: 9450));

        var email = await ComposeAsync(EmailTestData.Model(cart));

        Assert.Contains("2 x €94.50 = €189.00", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_FrenchOffer_DescribesTheOfferAndItsExpiryInFrenchOnTheStoreClock()
    {
        var model = OfferModel(InLocale("fr-FR"), new OfferSpec(OfferKind.Percentage, 10, TimeSpan.FromDays(2)), OfferExpiry);

        var email = await ComposeAsync(model);

        Assert.Equal($"Anna, profitez de 10{Nbsp}% de réduction pour finaliser votre commande chez Maple Goods", email.Subject);
        foreach (var (body, nbsp) in new[] { (email.HtmlBody, HtmlNbsp), (email.TextBody, Nbsp) })
        {
            Assert.Contains("COMEBACK-7Q2X", body, StringComparison.Ordinal);
            Assert.Contains($"Profitez de 10{nbsp}% de réduction pour finaliser votre commande", body, StringComparison.Ordinal);
            // 17:00 UTC is 18:00 in Paris in November.
            // With the offset: the customer may not live on the shop's clock.
            Assert.Contains("Valable jusqu'au 24 novembre 2026 à 18:00 (UTC+1)", System.Net.WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        }
        Assert.Contains($"Votre code pour 10{HtmlNbsp}% de réduction", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_FrenchOfferExpiringOnTheFirst_WritesPremier()
    {
        var model = OfferModel(InLocale("fr"), new OfferSpec(OfferKind.FreeShipping, 0, TimeSpan.FromDays(2)), new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

        var email = await ComposeAsync(model);

        Assert.Contains("Valable jusqu'au 1er décembre 2026 à 10:00 (UTC+1)", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Profitez de la livraison offerte", email.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "5,00\u00A0€ de réduction")]
    [InlineData("en", "€5.00 off")]
    public async Task ComposeAsync_FixedAmountOffer_FormatsTheAmountInTheEmailLanguage(string locale, string expected)
    {
        var model = OfferModel(InLocale(locale), new OfferSpec(OfferKind.FixedAmount, 500, TimeSpan.FromDays(2)), OfferExpiry);

        var email = await ComposeAsync(model);

        Assert.Contains(expected, email.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", SequencePresets.ReminderTemplate)]
    [InlineData("fr", SequencePresets.ReminderTemplate)]
    [InlineData("en", SequencePresets.OfferTemplate)]
    [InlineData("fr", SequencePresets.OfferTemplate)]
    public async Task ComposeAsync_WhenProductAndCustomerNamesAreHostile_EscapesThemInHtmlAndKeepsThemInText(string locale, string template)
    {
        const string script = "<script>alert(1)</script>";
        const string attribute = "\"><img src=x onerror=alert(1)>";
        var cart = TestData.Cart(TestData.Line(script, variantTitle: attribute)) with
        {
            Contact = new CartContact(Email: "anna@example.com", FirstName: "<b>Anna</b>", Locale: locale),
        };
        var model = template == SequencePresets.OfferTemplate
            ? OfferModel(cart, new OfferSpec(OfferKind.Percentage, 10, TimeSpan.FromDays(2)), OfferExpiry)
            : EmailTestData.Model(cart);

        var email = await ComposeAsync(model);

        Assert.DoesNotContain("<script", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>Anna", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(script, email.TextBody, StringComparison.Ordinal);
        Assert.Contains(attribute, email.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("<b>Anna</b>, ", email.Subject, StringComparison.Ordinal);
    }

    private static Cart InLocale(string? locale, params CartLine[] lines) =>
        TestData.Cart(lines) with { Contact = new CartContact(Email: "anna@example.com", FirstName: "Anna", LastName: "Berg", Locale: locale) };

    private static Core.Stores.Store FrenchStore() => TestData.Store() with { Locale = "fr-FR" };

    private static EmailModel OfferModel(Cart cart, OfferSpec offer, DateTimeOffset expiresAt) =>
        EmailTestData.Model(cart, TestData.Store(timeZone: "Europe/Paris"), SequencePresets.OfferTemplate,
            new IssuedOffer("COMEBACK-7Q2X", offer.Describe(cart.Currency), expiresAt)) with
        {
            Message = TestData.Message(SequencePresets.OfferTemplate, offer: offer),
        };

    private Task<EmailContent> ComposeAsync(EmailModel model) => _composer.ComposeAsync(model, TestContext.Current.CancellationToken);
}
