namespace CartRecovery.Connectors.WooCommerce.Connect;

/// <summary>
/// Every word of the connect pages, in English and French (the page's language, <see cref="Core.Accounts.IPersonSignIn.Language"/>).
/// Texts with <c>{0}</c> take values that the caller HTML-encodes first.
/// </summary>
internal sealed record WooCommerceConnectTexts
{
    public const string English = "en";
    public const string French = "fr";

    private static readonly WooCommerceConnectTexts InEnglish = new()
    {
        Language = English,
        EmailLabel = "Email address",
        EmailInvalid = "Enter a valid email address, like name@example.com.",
        FormExpiredTitle = "This form has expired",
        FormExpiredText = "Go back, reload the page and try again.",
        SignedInAs = "Signed in as {0}",
        ConnectTitle = "Connect your WooCommerce shop",
        ConnectIntro = "Which email address should we use for your CartRecovery account? You'll be its owner.",
        ConnectButton = "Continue to WooCommerce",
        ConnectedTitle = "Your shop is connected",
        ConnectedText = "CartRecovery now reads pending and failed orders, receives order webhooks and runs the standard recovery sequence.",
        ConnectedEmailText = "This email address already has a CartRecovery account: we've emailed it a sign-in link to open the shop's new account.",
    };

    private static readonly WooCommerceConnectTexts InFrench = new()
    {
        Language = French,
        EmailLabel = "Adresse e-mail",
        EmailInvalid = "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
        FormExpiredTitle = "Ce formulaire a expiré",
        FormExpiredText = "Revenez en arrière, rechargez la page et réessayez.",
        SignedInAs = "Connecté(e) en tant que {0}",
        ConnectTitle = "Connecter votre boutique WooCommerce",
        ConnectIntro = "Quelle adresse e-mail utiliser pour votre compte CartRecovery ? Vous en serez le propriétaire.",
        ConnectButton = "Continuer vers WooCommerce",
        ConnectedTitle = "Votre boutique est connectée",
        ConnectedText = "CartRecovery lit désormais les commandes en attente et échouées, reçoit les webhooks de commande et applique la séquence de relance standard.",
        ConnectedEmailText = "Cette adresse e-mail a déjà un compte CartRecovery : nous lui avons envoyé un lien de connexion pour ouvrir le nouveau compte de la boutique.",
    };

    public required string Language { get; init; }
    public required string EmailLabel { get; init; }
    public required string EmailInvalid { get; init; }
    public required string FormExpiredTitle { get; init; }
    public required string FormExpiredText { get; init; }
    public required string SignedInAs { get; init; }
    public required string ConnectTitle { get; init; }
    public required string ConnectIntro { get; init; }
    public required string ConnectButton { get; init; }
    public required string ConnectedTitle { get; init; }
    public required string ConnectedText { get; init; }
    public required string ConnectedEmailText { get; init; }

    public static WooCommerceConnectTexts For(string language) => language == French ? InFrench : InEnglish;
}
