using System.Globalization;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Email.Localization;

/// <summary>
/// The words C# produces rather than a template: the shared footer (one layout serves every language) and the
/// offer and expiry texts built from structured data. A language without phrases here falls back to English ones.
/// </summary>
internal sealed record EmailPhrases
{
    public static readonly EmailPhrases English = new()
    {
        FooterReason = "You are receiving this email because you started an order at",
        Unsubscribe = "Unsubscribe",
        UnsubscribeLabel = "Unsubscribe:",
        PercentOff = "{0}% off",
        AmountOff = "{0} off",
        FreeShipping = "free shipping",
        DateFormat = "d MMM yyyy HH:mm",
        FirstOfMonthDateFormat = "d MMM yyyy HH:mm",
    };

    public static readonly EmailPhrases French = new()
    {
        FooterReason = "Vous recevez cet e-mail car vous avez commencé une commande chez",
        Unsubscribe = "Se désabonner",
        UnsubscribeLabel = "Se désabonner :",
        // French sets a (non-breaking) space before "%" and writes the first of the month as "1er".
        PercentOff = "{0}\u00A0% de réduction",
        AmountOff = "{0} de réduction",
        FreeShipping = "la livraison offerte",
        DateFormat = "d MMMM yyyy 'à' HH:mm",
        FirstOfMonthDateFormat = "d'er' MMMM yyyy 'à' HH:mm",
    };

    public required string FooterReason { get; init; }
    public required string Unsubscribe { get; init; }
    public required string UnsubscribeLabel { get; init; }
    public required string PercentOff { get; init; }
    public required string AmountOff { get; init; }
    public required string FreeShipping { get; init; }
    public required string DateFormat { get; init; }
    public required string FirstOfMonthDateFormat { get; init; }

    public static EmailPhrases For(string language) => language == "fr" ? French : English;

    /// <summary>"10% off", "€5.00 off", "free shipping" (or their translation), for "Here's … to finish your order".</summary>
    public string Offer(OfferSpec offer, string currency, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return offer.Kind switch
        {
            OfferKind.Percentage => string.Format(culture, PercentOff, offer.Value),
            OfferKind.FixedAmount => string.Format(culture, AmountOff, EmailMoney.Format(offer.Value, currency, culture)),
            _ => FreeShipping,
        };
    }

    /// <summary>A wall-clock time, already in the store's zone, in this language.</summary>
    public string Date(DateTimeOffset local, CultureInfo culture) =>
        local.ToString(local.Day == 1 ? FirstOfMonthDateFormat : DateFormat, culture);
}
