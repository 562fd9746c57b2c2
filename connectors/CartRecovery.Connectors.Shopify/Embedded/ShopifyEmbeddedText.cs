namespace CartRecovery.Connectors.Shopify.Embedded;

/// <summary>
/// The embedded entry's words in the admin's language: Shopify opens the app with the staff user's <c>locale</c>
/// (<c>fr</c>, <c>fr-CA</c>, <c>en-US</c>...). French for any French locale, English otherwise.
/// </summary>
internal sealed record ShopifyEmbeddedText(
    string Lang,
    string Loading,
    string OpenFromAdminTitle,
    string OpenFromAdmin,
    string NotConnectedTitle,
    string NoAccessTitle,
    string WrongShop)
{
    private static readonly ShopifyEmbeddedText English = new(
        "en",
        "Loading…",
        "Open CartRecovery from your Shopify admin",
        "This page only works inside your Shopify admin. Open Apps › CartRecovery there (the session may also have expired: reload the app).",
        "Your shop could not be connected",
        "You no longer have access to this shop",
        "This page was opened for another shop than your session's. Open CartRecovery from your Shopify admin.");

    private static readonly ShopifyEmbeddedText French = new(
        "fr",
        "Chargement…",
        "Ouvrez CartRecovery depuis votre administration Shopify",
        "Cette page ne fonctionne que dans votre administration Shopify. Ouvrez-y Applications › CartRecovery (la session a peut-être aussi expiré : rechargez l’application).",
        "Votre boutique n’a pas pu être connectée",
        "Vous n’avez plus accès à cette boutique",
        "Cette page a été ouverte pour une autre boutique que celle de votre session. Ouvrez CartRecovery depuis votre administration Shopify.");

    public static ShopifyEmbeddedText For(string? locale) =>
        locale is { Length: >= 2 } && locale.StartsWith("fr", StringComparison.OrdinalIgnoreCase) && (locale.Length == 2 || locale[2] is '-' or '_')
            ? French
            : English;
}
