using System.Globalization;

namespace CartRecovery.Core;

/// <summary>
/// Money as a shopper reads it in their language: "€189.00" in English, "189,00 €" in French, with the culture's pattern
/// and the currency's own symbol. Emails and the demo shop's pages both print prices through here, so a shopper sees
/// an amount written the same way in the shop and in the email about it.
/// </summary>
public static class ShopperMoney
{
    // Symbols the shops themselves print for these currencies. A dollar shop shows "$" on its storefront, and every
    // amount in one email is in one currency, so "$" is not ambiguous there. Currencies not listed show their ISO code.
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EUR"] = "€", ["USD"] = "$", ["CAD"] = "$", ["AUD"] = "$", ["NZD"] = "$", ["MXN"] = "$", ["GBP"] = "£",
        ["JPY"] = "¥", ["INR"] = "₹", ["KRW"] = "₩", ["BRL"] = "R$", ["ILS"] = "₪", ["TRY"] = "₺", ["UAH"] = "₴",
    };

    public static string Format(long minor, string currency, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(culture);
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencyDecimalDigits = Money.Decimals(currency);
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
        return Money.ToMajor(minor, currency).ToString("C", format).Replace(' ', '\u00A0');
    }
}
