using System.Globalization;

namespace CartRecovery.Core;

/// <summary>Money is minor units + ISO 4217 currency everywhere; this turns it into text for people.</summary>
public static class Money
{
    private static readonly Dictionary<string, int> ZeroAndThreeDecimalCurrencies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["JPY"] = 0, ["KRW"] = 0, ["VND"] = 0, ["CLP"] = 0, ["ISK"] = 0, ["XOF"] = 0, ["XAF"] = 0,
        ["BHD"] = 3, ["KWD"] = 3, ["OMR"] = 3, ["JOD"] = 3, ["TND"] = 3,
    };

    public static int Decimals(string currency) =>
        ZeroAndThreeDecimalCurrencies.TryGetValue(currency, out var d) ? d : 2;

    public static decimal ToMajor(long minor, string currency) => minor / (decimal)Pow10(Decimals(currency));

    /// <summary>Parses a platform's decimal string ("19.90") into minor units; platforms send totals as strings.</summary>
    public static long ParseMajor(string amount, string currency) =>
        (long)Math.Round(decimal.Parse(amount, NumberStyles.Number, CultureInfo.InvariantCulture) * Pow10(Decimals(currency)),
            MidpointRounding.AwayFromZero);

    // Symbols the shops themselves print for these currencies. A dollar shop shows "$" on its storefront, and every
    // amount in one email or page is in one shop's currency, so "$" is not ambiguous there. Currencies not listed show their ISO code.
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EUR"] = "€", ["USD"] = "$", ["CAD"] = "$", ["AUD"] = "$", ["NZD"] = "$", ["MXN"] = "$", ["GBP"] = "£",
        ["JPY"] = "¥", ["INR"] = "₹", ["KRW"] = "₩", ["BRL"] = "R$", ["ILS"] = "₪", ["TRY"] = "₺", ["UAH"] = "₴",
    };

    /// <summary>
    /// Money as people read it in their language: "€189.00" in English, "189,00 €" in French, with the culture's pattern
    /// and the currency's own symbol (invariant culture when none is given). Emails, the demo shop's pages and the app all
    /// print amounts through here, so an amount reads the same in the shop, in the email about it and in the merchant's app.
    /// </summary>
    public static string Format(long minor, string currency, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var format = (NumberFormatInfo)(culture ?? CultureInfo.InvariantCulture).NumberFormat.Clone();
        format.CurrencyDecimalDigits = Decimals(currency);
        if (Symbols.TryGetValue(currency, out var symbol))
        {
            format.CurrencySymbol = symbol;
        }
        else
        {
            // An ISO code glued to the digits ("CHF189.00") reads badly: use the culture's spaced pattern instead.
            format.CurrencySymbol = currency.ToUpperInvariant();
            format.CurrencyPositivePattern = format.CurrencyPositivePattern switch { 0 => 2, 1 => 3, var p => p };
            format.CurrencyNegativePattern = format.CurrencyNegativePattern switch { 1 => 9, 5 => 8, var p => p };
        }
        // .NET separates amount and symbol with an ordinary space; a non-breaking one keeps "€" from wrapping onto
        // the next line of a narrow phone screen.
        return ToMajor(minor, currency).ToString("C", format).Replace(' ', '\u00A0');
    }

    private static long Pow10(int n) => n switch { 0 => 1, 3 => 1000, _ => 100 };
}
