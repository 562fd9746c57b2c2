using System.Globalization;

namespace CartRecovery.Connectors.Demo.Storefront;

/// <summary>
/// The words of the demo shop's pages in the visitor's language. English is the key; the French table holds every
/// sentence the pages print (a missing entry shows English, and <c>DemoStorefrontTests</c> checks there is none).
/// </summary>
internal sealed class ShopText(string language)
{
    public string Language { get; } = DemoShopLanguage.Normalize(language);

    public CultureInfo Culture => DemoShopLanguage.Culture(Language);

    public string this[string english] =>
        Language == DemoShopLanguage.French && French.TryGetValue(english, out var french) ? french : english;

    public string Format(string english, params object[] args) => string.Format(Culture, this[english], args);

    public string Money(long minor) => Core.Money.Format(minor, DemoCatalog.Currency, Culture);

    /// <summary>Every English sentence the pages print, with its French.</summary>
    public static readonly IReadOnlyDictionary<string, string> French = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Shop"] = "Boutique",
        ["Cart"] = "Panier",
        ["Cart ({0})"] = "Panier ({0})",
        ["Français"] = "Français",
        ["English"] = "English",
        ["Outdoor gear for the mountains. Fill a cart, go to checkout, leave your email, then walk away: CartRecovery will try to win you back."] =
            "Du matériel pour la montagne. Remplissez un panier, passez à la caisse, laissez votre e-mail, puis partez : CartRecovery essaiera de vous faire revenir.",
        ["from {0}"] = "à partir de {0}",
        ["Add to cart"] = "Ajouter au panier",
        ["Quantity"] = "Quantité",
        ["Choose"] = "Choisir",
        ["Back to the shop"] = "Retour à la boutique",
        ["No such product"] = "Produit introuvable",
        ["This product is not in our shop."] = "Ce produit n'est pas dans notre boutique.",
        ["Your cart"] = "Votre panier",
        ["Your cart is empty"] = "Votre panier est vide",
        ["Pick something in the shop: every product has an Add to cart button."] = "Choisissez un article dans la boutique : chaque produit a un bouton Ajouter au panier.",
        ["Browse products"] = "Voir les produits",
        ["Update"] = "Mettre à jour",
        ["Remove"] = "Retirer",
        ["Subtotal"] = "Sous-total",
        ["Total"] = "Total",
        ["Checkout"] = "Passer à la caisse",
        ["Contact"] = "Coordonnées",
        ["Email"] = "E-mail",
        ["First name"] = "Prénom",
        ["Last name"] = "Nom",
        ["Email me news and offers"] = "Recevoir les nouveautés et les offres par e-mail",
        ["Mobile phone (optional)"] = "Téléphone mobile (facultatif)",
        ["Text me about my cart and offers (reply STOP at any time)"] = "Recevoir des SMS sur mon panier et les offres (répondez STOP à tout moment)",
        ["Enter a phone number such as +33 6 12 34 56 78, or leave it empty."] = "Saisissez un numéro de téléphone, par exemple 06 12 34 56 78, ou laissez le champ vide.",
        ["Enter your mobile number to get text messages."] = "Saisissez votre numéro de mobile pour recevoir des SMS.",
        ["Continue to payment"] = "Continuer vers le paiement",
        ["Enter an email address such as name@example.com."] = "Saisissez une adresse e-mail, par exemple nom@exemple.com.",
        ["Enter your first name."] = "Saisissez votre prénom.",
        ["Check the fields marked below."] = "Vérifiez les champs signalés ci-dessous.",
        ["Payment"] = "Paiement",
        ["Place order"] = "Passer la commande",
        ["No payment is taken in the demo shop: placing the order marks the cart converted in CartRecovery."] =
            "La boutique de démonstration n'encaisse rien : passer la commande marque le panier comme converti dans CartRecovery.",
        ["Or leave now"] = "Ou partez maintenant",
        ["About {0} seconds after your last change CartRecovery counts this cart as abandoned and sends the first reminder to {1} (in the pickup folder, as an .eml file). The cart is listed in the app under Carts."] =
            "Environ {0} secondes après votre dernière modification, CartRecovery considère ce panier comme abandonné et envoie le premier rappel à {1} (dans le dossier de dépôt, en fichier .eml). Le panier apparaît dans l'application, rubrique Paniers.",
        ["Open the app's carts"] = "Voir les paniers dans l'application",
        ["Code {0}"] = "Code {0}",
        ["Edit contact details"] = "Modifier les coordonnées",
        ["That cart is gone"] = "Ce panier n'existe plus",
        ["Start shopping again"] = "Recommencer vos achats",
        ["This cart was already ordered"] = "Ce panier a déjà été commandé",
        ["Order {0}."] = "Commande {0}.",
        ["Thank you for your order!"] = "Merci pour votre commande !",
        ["CartRecovery counted this cart as recovered."] = "CartRecovery a compté ce panier comme récupéré.",
        ["This form has expired"] = "Ce formulaire a expiré",
        ["Go back, reload the page and try again."] = "Revenez en arrière, rechargez la page et réessayez.",
        ["The demo shop is closed"] = "La boutique de démonstration est fermée",
        ["Start the app with --demo to open it."] = "Lancez l'application avec --demo pour l'ouvrir.",
        ["Demo shop of CartRecovery: nothing here is for sale."] = "Boutique de démonstration de CartRecovery : rien n'y est à vendre.",
        ["Remove {0}"] = "Retirer {0}",
        ["Quantity of {0}"] = "Quantité de {0}",
        ["Language"] = "Langue",
        ["Main"] = "Principal",
    };
}
