namespace CartRecovery.Core.Reasons;

/// <summary>
/// The word each reason has in its link (<c>/why/{token}?r=shipping</c>): short, readable in a status bar, and stable,
/// because links in sent emails keep them for as long as the link lives.
/// </summary>
public static class LeaveReasonSlugs
{
    private static readonly Dictionary<LeaveReason, string> Slugs = new()
    {
        [LeaveReason.ShippingCost] = "shipping",
        [LeaveReason.TotalPrice] = "price",
        [LeaveReason.PaymentProblem] = "payment",
        [LeaveReason.NeededMoreTime] = "time",
        [LeaveReason.Comparing] = "comparing",
        [LeaveReason.JustLooking] = "looking",
        [LeaveReason.Other] = "other",
    };

    /// <summary>Every reason in the order the email lists them.</summary>
    public static IReadOnlyList<LeaveReason> All { get; } = [.. Slugs.Keys];

    public static string Slug(LeaveReason reason) => Slugs[reason];

    /// <summary>The reason a link's word names, or null for anything else (a typo, an old word, an attempt).</summary>
    public static LeaveReason? Parse(string? slug) =>
        Slugs.FirstOrDefault(p => string.Equals(p.Value, slug, StringComparison.Ordinal)) is { Value: not null } match ? match.Key : null;
}
