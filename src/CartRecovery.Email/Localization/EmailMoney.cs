using System.Globalization;
using CartRecovery.Core;

namespace CartRecovery.Email.Localization;

/// <summary>
/// Money in an email: "€189.00" in English, "189,00 €" in French. The rule is <see cref="Money.Format"/>'s, shared with
/// the demo shop's pages so a price reads the same in the shop and in the email.
/// </summary>
internal static class EmailMoney
{
    public static string Format(long minor, string currency, CultureInfo culture) => Money.Format(minor, currency, culture);
}
