using System.Globalization;

namespace CartRecovery.Core.Sms;

/// <summary>
/// A price for texts in minor units of an ISO 4217 currency. Unlike other money it keeps fractions of a minor unit:
/// providers price a part below a cent in some countries (0.83 US cents), and an estimate must not round that to 0 or 1.
/// </summary>
public sealed record SmsPrice(decimal Minor, string Currency)
{
    /// <summary>The amount in major units with the currency's decimals plus two (for sub-cent prices), e.g. "0.1580 EUR".</summary>
    public string Format(CultureInfo? culture = null)
    {
        var decimals = Money.Decimals(Currency);
        var major = Minor / (decimal)Math.Pow(10, decimals);
        return $"{major.ToString("N" + (decimals + 2), culture ?? CultureInfo.InvariantCulture)} {Currency.ToUpperInvariant()}";
    }
}
