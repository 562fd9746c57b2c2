namespace CartRecovery.Core.Reasons;

public enum ReasonOutcome
{
    /// <summary>The link is good: the page thanks the customer (or asks them to confirm, when nothing was recorded yet).</summary>
    Valid,
    /// <summary>Authentic but past its expiry: nothing is recorded; the page still leads to the shop.</summary>
    Expired,
    /// <summary>Forged, altered, an unknown reason word, or a message that no longer exists.</summary>
    Invalid,
}

/// <summary>
/// What a reason link's page needs: the shop it speaks for (name, web address, logo, colour), the customer's language,
/// the reason the link names, a fresh restore link for the cart, and whether this request recorded the reason
/// (<see cref="Recorded"/>) or the cart had one already (<see cref="AlreadyGiven"/>).
/// </summary>
public sealed record ReasonAnswer(ReasonOutcome Outcome)
{
    public static readonly ReasonAnswer Invalid = new(ReasonOutcome.Invalid);

    public string StoreName { get; init; } = "";
    public string? StoreUrl { get; init; }
    public string? LogoUrl { get; init; }
    public string? BrandColor { get; init; }
    public string Locale { get; init; } = "en";
    public LeaveReason Reason { get; init; }
    public string? RestoreUrl { get; init; }
    public bool Recorded { get; init; }
    public bool AlreadyGiven { get; init; }
}
