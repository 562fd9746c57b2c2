namespace CartRecovery.Core.Stores;

/// <summary>
/// How respectfully a store sends: which customers may be emailed, how often, at what local hours, about how old a cart,
/// and how long its customer data is kept. Kept apart from <see cref="Store"/>; a store without a saved policy uses
/// <see cref="Default"/>, which changes nothing about sending except the frequency cap and the offer cooldown.
/// </summary>
public sealed record SendingPolicy
{
    public const int DefaultRetentionDays = 365;

    public static readonly SendingPolicy Default = new();

    /// <summary>
    /// Groups stores that share a frequency cap (an agency's client, a merchant with several shops): stores with the
    /// same account count each other's emails to an address. Null: the store counts its own emails only.
    /// </summary>
    public string? Account { get; init; }

    /// <summary>At most this many recovery emails to one address within the window (follow-up tasks are not emails).</summary>
    public FrequencyCap FrequencyCap { get; init; } = FrequencyCap.Default;

    /// <summary>Local hours (in the store's time zone) when no email goes out; due emails wait. Null: none.</summary>
    public QuietHours? QuietHours { get; init; }

    /// <summary>Idle carts older than this expire instead of entering the sequence. Null: <c>Recovery:MaxCartAge</c>.</summary>
    public TimeSpan? MaxCartAge { get; init; }

    /// <summary>Which customers may receive recovery emails (unsubscribes and suppressions are honoured in every case).</summary>
    public ConsentRule Consent { get; init; } = ConsentRule.All;

    /// <summary>Who gets a step's offer: no second offer within a cooldown, none for repeated abandoning (<see cref="Sequences.LoyaltyRules"/>).</summary>
    public Sequences.OfferPolicy Offers { get; init; } = Sequences.OfferPolicy.Default;

    /// <summary>Days customer data of closed carts is kept before the retention purge erases it.</summary>
    public int RetentionDays { get; init; } = DefaultRetentionDays;

    /// <summary>Whether a cart's customer may be emailed under <see cref="Consent"/>.</summary>
    public bool Allows(Carts.CartContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return Consent == ConsentRule.All || contact.AcceptsMarketing == true;
    }
}
