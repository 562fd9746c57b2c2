using CartRecovery.Core.Reasons;

namespace CartRecovery.Web.Features.Reasons;

/// <summary>
/// What the reason link's pages say, in the languages the emails are written in (French for a French locale, else
/// English). {0} is the shop's name, except in <see cref="YouSaid"/> and <see cref="AskBody"/> where it is the reason.
/// </summary>
internal sealed record ReasonTexts
{
    public required string Language { get; init; }
    public required string ThanksTitle { get; init; }
    public required string ThanksHeading { get; init; }
    public required string YouSaid { get; init; }
    public required string Helps { get; init; }
    public required string NoMoreReminders { get; init; }
    public required string SomeoneWillHelp { get; init; }
    public required string AlreadyGiven { get; init; }
    public required string RestoreButton { get; init; }
    public required string AskTitle { get; init; }
    public required string AskBody { get; init; }
    public required string AskButton { get; init; }
    public required string ExpiredTitle { get; init; }
    public required string ExpiredBody { get; init; }
    public required string Visit { get; init; }

    public static readonly ReasonTexts English = new()
    {
        Language = "en",
        ThanksTitle = "Thank you",
        ThanksHeading = "Thanks for telling us",
        YouSaid = "You said: {0}.",
        Helps = "Your answer helps {0} do better. Your cart is still saved.",
        NoMoreReminders = "We won't send you more reminders about this cart. Your cart is still saved if you change your mind.",
        SomeoneWillHelp = "Someone from {0} will get in touch to help you finish your order.",
        AlreadyGiven = "You had already told us why. Thanks again!",
        RestoreButton = "Return to your cart",
        AskTitle = "Why did you leave?",
        AskBody = "Send this answer to the shop: {0}.",
        AskButton = "Send my answer",
        ExpiredTitle = "This link has expired",
        ExpiredBody = "{0} no longer takes answers to this email, but the shop is still open.",
        Visit = "Visit {0}",
    };

    public static readonly ReasonTexts French = new()
    {
        Language = "fr",
        ThanksTitle = "Merci",
        ThanksHeading = "Merci de nous l'avoir dit",
        YouSaid = "Votre réponse\u00A0: {0}.",
        Helps = "Elle aide {0} à faire mieux. Votre panier est toujours enregistré.",
        NoMoreReminders = "Nous ne vous enverrons plus de rappels pour ce panier. Il reste enregistré si vous changez d'avis.",
        SomeoneWillHelp = "Quelqu'un de {0} vous contactera pour vous aider à finaliser votre commande.",
        AlreadyGiven = "Vous nous aviez déjà répondu. Merci encore\u00A0!",
        RestoreButton = "Retrouver mon panier",
        AskTitle = "Pourquoi êtes-vous parti(e)\u00A0?",
        AskBody = "Envoyer cette réponse à la boutique\u00A0: {0}.",
        AskButton = "Envoyer ma réponse",
        ExpiredTitle = "Ce lien a expiré",
        ExpiredBody = "{0} ne reçoit plus de réponses à cet e-mail, mais la boutique est toujours ouverte.",
        Visit = "Visiter {0}",
    };

    public System.Globalization.CultureInfo Culture => System.Globalization.CultureInfo.GetCultureInfo(Language);

    public static ReasonTexts For(string? locale) => LeaveReasonWords.IsFrench(locale) ? French : English;
}
