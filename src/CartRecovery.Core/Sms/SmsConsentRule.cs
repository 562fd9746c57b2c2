namespace CartRecovery.Core.Sms;

/// <summary>
/// Which customers a store may text. SMS consent is never inferred from email consent: commercial texts need their own
/// prior opt-in in France (art. L34-5 CPCE) and most of the EU. Stored as an integer.
/// </summary>
public enum SmsConsentRule
{
    /// <summary>
    /// Only customers who opted in to texts: Shopify's SMS marketing consent, or the store's SMS checkbox read by the
    /// capture script (<c>AcceptsSms == true</c>). An unknown consent counts as no.
    /// </summary>
    OptedInOnly = 0,

    /// <summary>
    /// The merchant declares that every customer who leaves a phone number agrees to texts about their cart (their
    /// checkout says so). An explicit refusal (<c>AcceptsSms == false</c>) is still honoured.
    /// </summary>
    DeclaredByMerchant = 1,
}
