using CartRecovery.Core.Carts;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Core.Tests.Sequences;

public sealed class SequenceConditionsTests
{
    private static Cart Cart(long total = 14500, bool? consent = true, string? country = "FR", string? locale = "fr-FR") =>
        Sample.Cart() with
        {
            TotalMinor = total,
            Contact = new CartContact("ana@example.com", Locale: locale, AcceptsMarketing: consent, Country: country),
        };

    [Fact]
    public void Matches_WithNoConditions_TakesEveryCart()
    {
        Assert.True(SequenceConditions.Any.Matches(Cart(consent: null, country: null, locale: null), returning: true));
    }

    [Theory]
    [InlineData(4999, false)]
    [InlineData(5000, true)]
    [InlineData(10000, true)]
    [InlineData(10001, false)]
    public void Matches_CartValue_IsWithinInclusiveBounds(long total, bool expected)
    {
        var conditions = new SequenceConditions { MinCartValueMinor = 5000, MaxCartValueMinor = 10000 };
        Assert.Equal(expected, conditions.Matches(Cart(total), returning: false));
    }

    [Theory]
    [InlineData(CustomerCondition.Any, false, true)]
    [InlineData(CustomerCondition.Any, true, true)]
    [InlineData(CustomerCondition.New, false, true)]
    [InlineData(CustomerCondition.New, true, false)]
    [InlineData(CustomerCondition.Returning, false, false)]
    [InlineData(CustomerCondition.Returning, true, true)]
    public void Matches_Customer_NewOrReturning(CustomerCondition customer, bool returning, bool expected)
    {
        Assert.Equal(expected, new SequenceConditions { Customer = customer }.Matches(Cart(), returning));
        Assert.Equal(customer != CustomerCondition.Any, new SequenceConditions { Customer = customer }.NeedsCustomerHistory);
    }

    [Theory]
    [InlineData(ConsentCondition.Subscribed, true, true)]
    [InlineData(ConsentCondition.Subscribed, null, false)]
    [InlineData(ConsentCondition.Subscribed, false, false)]
    [InlineData(ConsentCondition.NotDeclined, true, true)]
    [InlineData(ConsentCondition.NotDeclined, null, true)]
    [InlineData(ConsentCondition.NotDeclined, false, false)]
    [InlineData(ConsentCondition.Any, false, true)]
    public void Matches_Consent_SubscribedOrNotDeclined(ConsentCondition consent, bool? accepts, bool expected)
    {
        Assert.Equal(expected, new SequenceConditions { Consent = consent }.Matches(Cart(consent: accepts), returning: false));
    }

    [Theory]
    [InlineData("FR", true)]
    [InlineData("fr", true)]
    [InlineData("BE", false)]
    [InlineData(null, false)]
    public void Matches_Countries_IsOneOfTheList(string? country, bool expected)
    {
        var conditions = new SequenceConditions { Countries = ["FR", "CH"] };
        Assert.Equal(expected, conditions.Matches(Cart(country: country), returning: false));
    }

    [Theory]
    [InlineData("fr", "fr-FR", true)]
    [InlineData("fr", "fr_CA", true)]
    [InlineData("fr", "fr", true)]
    [InlineData("fr-CA", "fr-FR", false)]
    [InlineData("fr-CA", "FR-ca", true)]
    [InlineData("fr", "fy", false)]
    [InlineData("fr", "frr", false)]
    [InlineData("fr", null, false)]
    public void Matches_Locales_ByLanguageOrExactTag(string wanted, string? locale, bool expected)
    {
        Assert.Equal(expected, new SequenceConditions { Locales = [wanted] }.Matches(Cart(locale: locale), returning: false));
    }

    [Fact]
    public void Matches_EveryConditionMustHold()
    {
        var conditions = new SequenceConditions { MinCartValueMinor = 10000, Consent = ConsentCondition.Subscribed, Countries = ["FR"] };
        Assert.True(conditions.Matches(Cart(), returning: false));
        Assert.False(conditions.Matches(Cart(consent: false), returning: false));
        Assert.False(conditions.Matches(Cart(total: 100), returning: false));
    }
}
