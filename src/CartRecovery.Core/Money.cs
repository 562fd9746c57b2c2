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

    public static string Format(long minor, string currency, CultureInfo? culture = null)
    {
        var decimals = Decimals(currency);
        var amount = ToMajor(minor, currency).ToString("N" + decimals, culture ?? CultureInfo.InvariantCulture);
        return $"{amount} {currency.ToUpperInvariant()}";
    }

    private static long Pow10(int n) => n switch { 0 => 1, 3 => 1000, _ => 100 };
}
