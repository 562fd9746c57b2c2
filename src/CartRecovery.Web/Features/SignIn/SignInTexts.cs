using CartRecovery.Core.Accounts;

namespace CartRecovery.Web.Features.SignIn;

/// <summary>
/// Every word of the sign-in pages and account emails, in English and French. Texts with <c>{0}</c> take values that
/// the caller HTML-encodes first.
/// </summary>
internal sealed record SignInTexts
{
    public static readonly SignInTexts English = new()
    {
        Language = PageLanguage.English,
        SignInTitle = "Sign in",
        SignInHeading = "Sign in to CartRecovery",
        SignInIntro = "Enter your email address and we'll send you a link that signs you in. No password needed.",
        EmailLabel = "Email address",
        SendLink = "Email me a sign-in link",
        ShopifyHint = "Installed CartRecovery from the Shopify App Store? Open it from your Shopify admin instead.",
        EmailInvalid = "Enter a valid email address, like name@example.com.",
        CheckInboxTitle = "Check your inbox",
        CheckInboxText = "If {0} belongs to a CartRecovery account, a sign-in link is on its way. It works once, within 15 minutes.",
        CheckInboxHint = "Nothing after a few minutes? Look in your spam folder, or ask for a new link.",
        AskAgain = "Ask for a new link",
        TooManyTitle = "Too many sign-in requests",
        TooManyText = "Please wait a while before asking for another link.",
        LinkTitle = "Sign in to CartRecovery",
        LinkText = "You're signing in as {0}.",
        SignInButton = "Sign in",
        LinkRefusedTitle = "This link can't be used",
        LinkExpired = "It has expired or was already used. A sign-in link works once, within 15 minutes.",
        LinkOtherAddress = "This link was made for another email address.",
        NoAccount = "There is no CartRecovery account for this email address.",
        FormExpiredTitle = "This form has expired",
        FormExpiredText = "Go back, reload the page and try again.",
        ForbiddenTitle = "You don't have access to this",
        ForbiddenText = "Your role in this account does not allow it.",
        AppTitle = "CartRecovery",
        YourRole = "Your role",
        Stores = "Shops",
        StoreName = "Shop",
        Platform = "Platform",
        Status = "Status",
        Active = "Active",
        Uninstalled = "Uninstalled",
        NoStores = "No shops in this account yet.",
        SwitchAccount = "Switch account",
        Switch = "Switch",
        SignedInAs = "Signed in as {0}",
        SignOut = "Sign out",
        SignOutEverywhere = "Sign out everywhere",
        SignOutEverywhereHint = "Signs you out of every browser and device.",
        Merchant = "Merchant",
        Agency = "Agency",
        Owner = "Owner",
        Member = "Member",
        Viewer = "Viewer",
        InvitationTitle = "Join {0}",
        InvitationText = "You ({0}) are invited to join {1} on CartRecovery as {2}.",
        AcceptInvitation = "Accept invitation",
        InvitationRefusedTitle = "This invitation can't be used",
        InvitationRefusedText = "It has expired, was already accepted, or was withdrawn. Ask the account's owner for a new one.",
        GoToAccount = "Open your account",
        SignInEmailSubject = "Your CartRecovery sign-in link",
        SignInEmailText = "Use the button below to sign in to CartRecovery. The link works once, within 15 minutes.",
        SignInEmailIgnore = "Didn't ask for it? Ignore this email: nobody can sign in without the link.",
        InvitationEmailSubject = "You're invited to {0} on CartRecovery",
        InvitationEmailText = "You're invited to join {0} on CartRecovery as {1}. The invitation is valid for {2} days.",
        InvitationEmailButton = "See the invitation",
        Hello = "Hello,",
    };

    public static readonly SignInTexts French = new()
    {
        Language = PageLanguage.French,
        SignInTitle = "Connexion",
        SignInHeading = "Connectez-vous à CartRecovery",
        SignInIntro = "Saisissez votre adresse e-mail : nous vous enverrons un lien de connexion. Aucun mot de passe n'est nécessaire.",
        EmailLabel = "Adresse e-mail",
        SendLink = "Recevoir un lien de connexion",
        ShopifyHint = "Vous avez installé CartRecovery depuis le Shopify App Store ? Ouvrez-le plutôt depuis votre admin Shopify.",
        EmailInvalid = "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
        CheckInboxTitle = "Consultez votre boîte de réception",
        CheckInboxText = "Si {0} correspond à un compte CartRecovery, un lien de connexion est en route. Il fonctionne une seule fois, pendant 15 minutes.",
        CheckInboxHint = "Rien après quelques minutes ? Regardez dans vos indésirables, ou demandez un nouveau lien.",
        AskAgain = "Demander un nouveau lien",
        TooManyTitle = "Trop de demandes de connexion",
        TooManyText = "Merci de patienter un moment avant de demander un nouveau lien.",
        LinkTitle = "Connexion à CartRecovery",
        LinkText = "Vous vous connectez en tant que {0}.",
        SignInButton = "Se connecter",
        LinkRefusedTitle = "Ce lien n'est pas utilisable",
        LinkExpired = "Il a expiré ou a déjà servi. Un lien de connexion fonctionne une seule fois, pendant 15 minutes.",
        LinkOtherAddress = "Ce lien a été créé pour une autre adresse e-mail.",
        NoAccount = "Aucun compte CartRecovery ne correspond à cette adresse e-mail.",
        FormExpiredTitle = "Ce formulaire a expiré",
        FormExpiredText = "Revenez en arrière, rechargez la page et réessayez.",
        ForbiddenTitle = "Vous n'avez pas accès à cette page",
        ForbiddenText = "Votre rôle dans ce compte ne le permet pas.",
        AppTitle = "CartRecovery",
        YourRole = "Votre rôle",
        Stores = "Boutiques",
        StoreName = "Boutique",
        Platform = "Plateforme",
        Status = "Statut",
        Active = "Active",
        Uninstalled = "Désinstallée",
        NoStores = "Aucune boutique dans ce compte pour l'instant.",
        SwitchAccount = "Changer de compte",
        Switch = "Changer",
        SignedInAs = "Connecté(e) en tant que {0}",
        SignOut = "Se déconnecter",
        SignOutEverywhere = "Se déconnecter partout",
        SignOutEverywhereHint = "Vous déconnecte de tous vos navigateurs et appareils.",
        Merchant = "Marchand",
        Agency = "Agence",
        Owner = "Propriétaire",
        Member = "Membre",
        Viewer = "Lecteur",
        InvitationTitle = "Rejoindre {0}",
        InvitationText = "Vous ({0}) êtes invité(e) à rejoindre {1} sur CartRecovery en tant que {2}.",
        AcceptInvitation = "Accepter l'invitation",
        InvitationRefusedTitle = "Cette invitation n'est pas utilisable",
        InvitationRefusedText = "Elle a expiré, a déjà été acceptée ou a été retirée. Demandez-en une nouvelle au propriétaire du compte.",
        GoToAccount = "Ouvrir votre compte",
        SignInEmailSubject = "Votre lien de connexion CartRecovery",
        SignInEmailText = "Utilisez le bouton ci-dessous pour vous connecter à CartRecovery. Le lien fonctionne une seule fois, pendant 15 minutes.",
        SignInEmailIgnore = "Vous n'avez rien demandé ? Ignorez cet e-mail : personne ne peut se connecter sans ce lien.",
        InvitationEmailSubject = "Invitation à rejoindre {0} sur CartRecovery",
        InvitationEmailText = "Vous êtes invité(e) à rejoindre {0} sur CartRecovery en tant que {1}. L'invitation est valable {2} jours.",
        InvitationEmailButton = "Voir l'invitation",
        Hello = "Bonjour,",
    };

    public required string Language { get; init; }
    public required string SignInTitle { get; init; }
    public required string SignInHeading { get; init; }
    public required string SignInIntro { get; init; }
    public required string EmailLabel { get; init; }
    public required string SendLink { get; init; }
    public required string ShopifyHint { get; init; }
    public required string EmailInvalid { get; init; }
    public required string CheckInboxTitle { get; init; }
    public required string CheckInboxText { get; init; }
    public required string CheckInboxHint { get; init; }
    public required string AskAgain { get; init; }
    public required string TooManyTitle { get; init; }
    public required string TooManyText { get; init; }
    public required string LinkTitle { get; init; }
    public required string LinkText { get; init; }
    public required string SignInButton { get; init; }
    public required string LinkRefusedTitle { get; init; }
    public required string LinkExpired { get; init; }
    public required string LinkOtherAddress { get; init; }
    public required string NoAccount { get; init; }
    public required string FormExpiredTitle { get; init; }
    public required string FormExpiredText { get; init; }
    public required string ForbiddenTitle { get; init; }
    public required string ForbiddenText { get; init; }
    public required string AppTitle { get; init; }
    public required string YourRole { get; init; }
    public required string Stores { get; init; }
    public required string StoreName { get; init; }
    public required string Platform { get; init; }
    public required string Status { get; init; }
    public required string Active { get; init; }
    public required string Uninstalled { get; init; }
    public required string NoStores { get; init; }
    public required string SwitchAccount { get; init; }
    public required string Switch { get; init; }
    public required string SignedInAs { get; init; }
    public required string SignOut { get; init; }
    public required string SignOutEverywhere { get; init; }
    public required string SignOutEverywhereHint { get; init; }
    public required string Merchant { get; init; }
    public required string Agency { get; init; }
    public required string Owner { get; init; }
    public required string Member { get; init; }
    public required string Viewer { get; init; }
    public required string InvitationTitle { get; init; }
    public required string InvitationText { get; init; }
    public required string AcceptInvitation { get; init; }
    public required string InvitationRefusedTitle { get; init; }
    public required string InvitationRefusedText { get; init; }
    public required string GoToAccount { get; init; }
    public required string SignInEmailSubject { get; init; }
    public required string SignInEmailText { get; init; }
    public required string SignInEmailIgnore { get; init; }
    public required string InvitationEmailSubject { get; init; }
    public required string InvitationEmailText { get; init; }
    public required string InvitationEmailButton { get; init; }
    public required string Hello { get; init; }

    public static SignInTexts For(string language) => language == PageLanguage.French ? French : English;

    public static SignInTexts For(HttpRequest request) => For(PageLanguage.Of(request));

    public string Role(AccountRole role) => role switch
    {
        AccountRole.Owner => Owner,
        AccountRole.Member => Member,
        _ => Viewer,
    };

    public string Kind(AccountKind kind) => kind == AccountKind.Agency ? Agency : Merchant;
}
