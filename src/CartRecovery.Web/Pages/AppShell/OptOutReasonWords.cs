using CartRecovery.Core.Suppression;
using Microsoft.Extensions.Localization;

namespace CartRecovery.Web.Pages.AppShell;

/// <summary>
/// An opt-out's reason in the page's language (<c>OptOutReasonWords.fr.resx</c>), for the suppression list and the cart
/// timeline: the reasons the app records (<see cref="OptOutReasons"/>) and what an email provider reported, in words;
/// a reason the merchant typed, as typed. The API keeps the recorded reason.
/// </summary>
internal sealed class OptOutReasonWords(IStringLocalizer<OptOutReasonWords> texts)
{
    public string Describe(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return reason switch
        {
            OptOutReasons.Unsubscribed => texts["Unsubscribed"].Value,
            OptOutReasons.AddedByMerchant => texts["Added by the merchant"].Value,
            OptOutReasons.ProviderInactive => texts["The email provider reports the address as inactive"].Value,
            OptOutReasons.Suppressed => texts["The address is suppressed"].Value,
            _ when OptOutReasons.TryReadProvider(reason, out var provider, out var record, out var detail) => Provider(provider, record, detail),
            _ => reason,
        };
    }

    private string Provider(string provider, string record, string? detail)
    {
        var name = provider.Length > 0 ? char.ToUpperInvariant(provider[0]) + provider[1..] : provider;
        return (detail ?? record) switch
        {
            "HardBounce" => texts["{0}: hard bounce (the address does not exist)", name].Value,
            "SpamComplaint" => texts["{0}: marked as spam by the customer", name].Value,
            "ManualSuppression" => texts["{0}: the customer unsubscribed", name].Value,
            "ManuallyDeactivated" => texts["{0}: address deactivated", name].Value,
            "BadEmailAddress" => texts["{0}: invalid address", name].Value,
            var other => texts["{0}: delivery refused ({1})", name, other].Value,
        };
    }
}
