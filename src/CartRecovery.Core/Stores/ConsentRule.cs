namespace CartRecovery.Core.Stores;

/// <summary>
/// Which customers a store's recovery emails may go to. Stored as an integer; the API spells them <c>all</c> and
/// <c>subscribed-only</c>.
/// </summary>
public enum ConsentRule
{
    /// <summary>
    /// Every customer who left an address at checkout, as the platforms' own abandoned-checkout emails do (a reminder
    /// about the customer's own cart is a service message where the law treats it so, e.g. CAN-SPAM in the US).
    /// </summary>
    All = 0,

    /// <summary>
    /// Only customers who ticked the store's marketing consent (<c>AcceptsMarketing == true</c>); an unknown consent
    /// counts as no. The safe choice where reminders are marketing needing prior consent (GDPR/ePrivacy in the EU, UK PECR).
    /// </summary>
    SubscribedOnly = 1,
}
