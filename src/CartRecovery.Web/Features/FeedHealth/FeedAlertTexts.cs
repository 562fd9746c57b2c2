using CartRecovery.Core.FeedHealth;
using CartRecovery.Web.Features.SignIn;

namespace CartRecovery.Web.Features.FeedHealth;

/// <summary>The words of the feed alarm emails, in English and French. <c>{0}</c> is the shop, <c>{1}</c> the feed, <c>{2}</c> why.</summary>
internal sealed record FeedAlertTexts
{
    public static readonly FeedAlertTexts English = new()
    {
        AlarmSubject = "{0}: its {1} need attention",
        AlarmText = "On {0}, the {1} need attention: {2} Until it is fixed, abandoned carts may be missed and their customers never reminded.",
        RecoveredSubject = "{0}: its {1} are back",
        RecoveredText = "On {0}, the {1} work again. Nothing else to do.",
        Button = "See the shop's health",
        Webhooks = "webhooks",
        Polling = "checkouts read from the platform",
        Capture = "posts of the storefront capture script",
        Stale = "nothing has arrived for much longer than usual at these hours.",
        CredentialsRefused = "the platform refused the shop's token or keys; reconnect the shop.",
        PollFailing = "reading the shop's checkouts from the platform keeps failing.",
        PollNotRunning = "the shop's checkouts have not been read from the platform for a long time.",
        SubscriptionsMissing = "its webhook subscriptions were deleted at the platform and could not be re-created.",
        CaptureScriptMissing = "the shop's home page no longer loads the capture script; paste its line again (see the shop's health).",
    };

    public static readonly FeedAlertTexts French = new()
    {
        AlarmSubject = "{0} : {1} à vérifier",
        AlarmText = "Sur {0}, {1} demandent votre attention : {2} Tant que ce n'est pas réglé, des paniers abandonnés peuvent être manqués et leurs clients jamais relancés.",
        RecoveredSubject = "{0} : {1} de retour",
        RecoveredText = "Sur {0}, {1} fonctionnent de nouveau. Rien d'autre à faire.",
        Button = "Voir l'état de la boutique",
        Webhooks = "les webhooks",
        Polling = "les paniers lus sur la plateforme",
        Capture = "les envois du script de capture",
        Stale = "rien n'est arrivé depuis bien plus longtemps que d'habitude à ces heures-là.",
        CredentialsRefused = "la plateforme a refusé le jeton ou les clés de la boutique ; reconnectez la boutique.",
        PollFailing = "la lecture des paniers sur la plateforme échoue à chaque essai.",
        PollNotRunning = "les paniers de la boutique n'ont pas été lus sur la plateforme depuis longtemps.",
        SubscriptionsMissing = "ses abonnements aux webhooks ont été supprimés sur la plateforme et n'ont pas pu être recréés.",
        CaptureScriptMissing = "la page d'accueil de la boutique ne charge plus le script de capture ; collez de nouveau sa ligne (voir l'état de la boutique).",
    };

    public required string AlarmSubject { get; init; }
    public required string AlarmText { get; init; }
    public required string RecoveredSubject { get; init; }
    public required string RecoveredText { get; init; }
    public required string Button { get; init; }
    public required string Webhooks { get; init; }
    public required string Polling { get; init; }
    public required string Capture { get; init; }
    public required string Stale { get; init; }
    public required string CredentialsRefused { get; init; }
    public required string PollFailing { get; init; }
    public required string PollNotRunning { get; init; }
    public required string SubscriptionsMissing { get; init; }
    public required string CaptureScriptMissing { get; init; }

    public static FeedAlertTexts For(string language) => language == PageLanguage.French ? French : English;

    public string Feed(FeedSource source) => source switch
    {
        FeedSource.Webhooks => Webhooks,
        FeedSource.Polling => Polling,
        _ => Capture,
    };

    public string Why(FeedReport report) => report?.Problem switch
    {
        FeedProblem.CredentialsRefused => CredentialsRefused,
        FeedProblem.PollFailing => PollFailing,
        FeedProblem.PollNotRunning => PollNotRunning,
        FeedProblem.SubscriptionsMissing => SubscriptionsMissing,
        FeedProblem.CaptureScriptMissing => CaptureScriptMissing,
        _ => Stale,
    };
}
