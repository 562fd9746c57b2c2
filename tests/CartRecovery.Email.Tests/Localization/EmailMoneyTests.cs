using System.Globalization;
using CartRecovery.Email.Localization;

namespace CartRecovery.Email.Tests.Localization;

public sealed class EmailMoneyTests
{
    private const char Nbsp = '\u00A0';
    private const char NarrowNbsp = '\u202F';

    [Theory]
    [InlineData(18900, "EUR", "en", "€189.00")]
    [InlineData(18900, "EUR", "fr", "189,00\u00A0€")]
    [InlineData(18900, "USD", "en", "$189.00")]
    [InlineData(18900, "GBP", "en", "£189.00")]
    [InlineData(1000, "JPY", "en", "¥1,000")]
    [InlineData(18900, "CHF", "en", "CHF\u00A0189.00")]
    [InlineData(18900, "CHF", "fr", "189,00\u00A0CHF")]
    [InlineData(1500, "KWD", "en", "KWD\u00A01.500")]
    [InlineData(0, "EUR", "fr", "0,00\u00A0€")]
    public void Format_UsesTheLanguagePatternWithTheCurrencySymbolAndDecimals(long minor, string currency, string language, string expected)
    {
        Assert.Equal(expected, EmailMoney.Format(minor, currency, CultureInfo.GetCultureInfo(language)));
    }

    [Fact]
    public void Format_InFrench_GroupsThousandsWithNarrowNoBreakSpaces()
    {
        var text = EmailMoney.Format(123456789, "EUR", CultureInfo.GetCultureInfo("fr"));

        Assert.Equal($"1{NarrowNbsp}234{NarrowNbsp}567,89{Nbsp}€", text);
    }

    [Fact]
    public void Format_InEnglish_GroupsThousandsWithCommas()
    {
        Assert.Equal("€1,234,567.89", EmailMoney.Format(123456789, "EUR", CultureInfo.GetCultureInfo("en")));
    }
}
