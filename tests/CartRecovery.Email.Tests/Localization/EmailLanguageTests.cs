using CartRecovery.Core.Carts;
using CartRecovery.Email.Localization;
using CartRecovery.Testing;

namespace CartRecovery.Email.Tests.Localization;

public sealed class EmailLanguageTests
{
    private static readonly Func<string, bool> FrenchOnly = language => language == "fr";

    [Theory]
    [InlineData("fr-FR", "fr")]
    [InlineData("fr_CA", "fr")]
    [InlineData(" FR ", "fr")]
    [InlineData("en", "en")]
    [InlineData("fil-PH", "fil")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    [InlineData("français", null)]
    [InlineData("12-34", null)]
    public void Normalize_ReturnsTheLowercaseLanguageCodeOrNull(string? locale, string? expected)
    {
        Assert.Equal(expected, EmailLanguage.Normalize(locale));
    }

    [Theory]
    [InlineData("fr-FR", "en", "fr")]   // the customer's own language wins over the store's
    [InlineData("en-GB", "fr", "en")]   // even when that is English in a French store
    [InlineData(null, "fr-FR", "fr")]   // no customer locale: the store's
    [InlineData("de-DE", "fr", "fr")]   // a language we don't write: the store's, where the customer shopped
    [InlineData("de-DE", "es", "en")]   // neither written: English
    [InlineData("xx", "", "en")]        // nonsense everywhere: English
    public void Choose_FollowsCustomerThenStoreThenEnglish(string? customerLocale, string storeLocale, string expected)
    {
        var cart = TestData.Cart() with { Contact = new CartContact(Email: "anna@example.com", Locale: customerLocale) };
        var store = TestData.Store() with { Locale = storeLocale };

        Assert.Equal(expected, EmailLanguage.Choose(cart, store, FrenchOnly));
    }

    [Fact]
    public void Choose_WhenTheTemplateHasNoTranslation_FallsBackToEnglish()
    {
        var cart = TestData.Cart() with { Contact = new CartContact(Email: "anna@example.com", Locale: "fr-FR") };

        Assert.Equal("en", EmailLanguage.Choose(cart, TestData.Store() with { Locale = "fr" }, _ => false));
    }
}
