using System.Globalization;

namespace CartRecovery.Web.Features.Unsubscribe;

/// <summary>
/// What the unsubscribe page says, in the languages the emails are written in: French for a recipient (or, without
/// one, a shop) whose locale is French, English for everyone else. {0} and {1} are the masked address and the shop.
/// </summary>
internal sealed record UnsubscribeTexts
{
    public required string Language { get; init; }
    public required string AskTitle { get; init; }
    public required string AskHeading { get; init; }
    public required string AskBody { get; init; }
    public required string AskButton { get; init; }
    public required string DoneTitle { get; init; }
    public required string DoneHeading { get; init; }
    public required string DoneBody { get; init; }
    public required string BackTo { get; init; }

    public CultureInfo Culture => CultureInfo.GetCultureInfo(Language);

    public static readonly UnsubscribeTexts English = new()
    {
        Language = "en",
        AskTitle = "Unsubscribe",
        AskHeading = "Unsubscribe from {0}?",
        AskBody = "{0} will no longer receive reminders about carts left at {1}.",
        AskButton = "Unsubscribe",
        DoneTitle = "You are unsubscribed",
        DoneHeading = "You're unsubscribed",
        DoneBody = "{0} won't receive any more cart reminders from {1}.",
        BackTo = "Back to {0}",
    };

    public static readonly UnsubscribeTexts French = new()
    {
        Language = "fr",
        AskTitle = "Se désabonner",
        AskHeading = "Se désabonner de {0}\u00A0?",
        AskBody = "{0} ne recevra plus de rappels concernant les paniers laissés chez {1}.",
        AskButton = "Me désabonner",
        DoneTitle = "Vous êtes désabonné(e)",
        DoneHeading = "Désabonnement confirmé",
        DoneBody = "{0} ne recevra plus de rappels de panier de la part de {1}.",
        BackTo = "Retour à {0}",
    };

    /// <summary>"fr", "fr-CA", "FR_be" → French; anything else → English.</summary>
    public static UnsubscribeTexts For(string? locale) =>
        locale?.Trim().Split('-', '_')[0].Equals("fr", StringComparison.OrdinalIgnoreCase) == true ? French : English;
}
