using System.Globalization;
using CartRecovery.Core.Suppression;
using CartRecovery.Web.Pages.AppShell;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Tests.Pages.Settings;

/// <summary>An opt-out's reason as the suppression list and the cart timeline word it, in English and in French.</summary>
public sealed class OptOutReasonWordsTests
{
    private static OptOutReasonWords Words() => new(new StringLocalizer<OptOutReasonWords>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    private static string In(string culture, string reason)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return Words().Describe(reason);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData(OptOutReasons.Unsubscribed, "Unsubscribed", "Désabonné")]
    [InlineData(OptOutReasons.AddedByMerchant, "Added by the merchant", "Ajouté par le marchand")]
    [InlineData(OptOutReasons.ProviderInactive, "The email provider reports the address as inactive", "Le fournisseur d’e-mails signale l’adresse comme inactive")]
    [InlineData(OptOutReasons.Suppressed, "The address is suppressed", "L’adresse est exclue des envois")]
    [InlineData("postmark: Bounce HardBounce", "Postmark: hard bounce (the address does not exist)", "Postmark : rebond définitif (l’adresse n’existe pas)")]
    [InlineData("postmark: SpamComplaint SpamComplaint", "Postmark: marked as spam by the customer", "Postmark : signalé comme spam par le client")]
    [InlineData("postmark: SpamComplaint", "Postmark: marked as spam by the customer", "Postmark : signalé comme spam par le client")]
    [InlineData("postmark: SubscriptionChange ManualSuppression", "Postmark: the customer unsubscribed", "Postmark : le client s’est désabonné")]
    [InlineData("postmark: Bounce ManuallyDeactivated", "Postmark: address deactivated", "Postmark : adresse désactivée")]
    [InlineData("postmark: Bounce SoftBounce", "Postmark: delivery refused (SoftBounce)", "Postmark : distribution refusée (SoftBounce)")]
    public void Reason_TheAppRecords_IsWordedInThePagesLanguage(string reason, string english, string french)
    {
        Assert.Equal(english, In("en-US", reason));
        Assert.Equal(french, In("fr-FR", reason));
    }

    [Theory]
    [InlineData("asked on the phone: no more emails")]
    [InlineData("client: ne plus écrire")]
    public void Reason_TheMerchantTyped_StaysAsTyped(string reason) => Assert.Equal(reason, In("fr-FR", reason));

    [Fact]
    public void ProviderReason_ReadsBackWhatItWrote()
    {
        var reason = OptOutReasons.FromProvider("postmark", "Bounce", "HardBounce");

        Assert.Equal("postmark: Bounce HardBounce", reason);
        Assert.True(OptOutReasons.TryReadProvider(reason, out var provider, out var record, out var detail));
        Assert.Equal(("postmark", "Bounce", "HardBounce"), (provider, record, detail));
        Assert.Equal("postmark: SpamComplaint", OptOutReasons.FromProvider("postmark", "SpamComplaint", null));
    }
}
