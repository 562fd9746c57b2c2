namespace CartRecovery.Core.Carts;

/// <summary>What a merge did to the stored cart.</summary>
public enum MergeOutcome
{
    Created,
    /// <summary>The snapshot is newer: contents replaced, contact gaps kept filled.</summary>
    Updated,
    /// <summary>The snapshot is older or equal: only fields the cart lacked were filled.</summary>
    FilledGaps,
    /// <summary>Nothing new (a duplicate delivery, or a stale one with nothing to add).</summary>
    Unchanged,
}

public sealed record CartMergeResult(Cart Cart, MergeOutcome Outcome);

/// <summary>
/// Merges platform snapshots into the stored cart. Updates arrive late, twice and out of order, so the merge is
/// idempotent and monotonic: an older snapshot never replaces newer contents, a missing field never erases a
/// known one, and the status is never touched here (only lifecycle events move it, and only forward).
/// </summary>
public static class CartMerger
{
    public static CartMergeResult Merge(Cart? existing, CartSnapshot incoming, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (existing is null)
            return new(Cart.FromSnapshot(incoming, now), MergeOutcome.Created);

        if (existing.StoreId != incoming.StoreId || existing.ExternalId != incoming.ExternalId)
            throw new ArgumentException("The snapshot belongs to another cart.", nameof(incoming));

        if (incoming.UpdatedAt > existing.PlatformUpdatedAt)
        {
            var updated = existing with
            {
                Contact = incoming.Contact.Coalesce(existing.Contact),
                Lines = incoming.Lines,
                Currency = incoming.Currency,
                SubtotalMinor = incoming.SubtotalMinor,
                TotalMinor = incoming.TotalMinor,
                RestoreUrl = incoming.RestoreUrl ?? existing.RestoreUrl,
                PlatformRefs = MergeRefs(incoming.PlatformRefs, existing.PlatformRefs),
                PresentmentCurrency = incoming.PresentmentCurrency ?? existing.PresentmentCurrency,
                PresentmentTotalMinor = incoming.PresentmentCurrency is null ? existing.PresentmentTotalMinor : incoming.PresentmentTotalMinor,
                PlatformCreatedAt = Min(existing.PlatformCreatedAt, incoming.CreatedAt),
                PlatformUpdatedAt = incoming.UpdatedAt,
                UpdatedAt = now,
            };
            return new(updated, MergeOutcome.Updated);
        }

        // Stale or duplicate: its contents are outdated (it must not resurrect lines the customer removed), but it may
        // still know a contact detail we lack (an email captured before the platform redacted it).
        var filled = existing with
        {
            Contact = existing.Contact.Coalesce(incoming.Contact),
            RestoreUrl = existing.RestoreUrl ?? incoming.RestoreUrl,
            PlatformRefs = MergeRefs(existing.PlatformRefs, incoming.PlatformRefs),
            PlatformCreatedAt = Min(existing.PlatformCreatedAt, incoming.CreatedAt),
        };
        return filled == existing
            ? new(existing, MergeOutcome.Unchanged)
            : new(filled with { UpdatedAt = now }, MergeOutcome.FilledGaps);
    }

    /// <summary>Identifiers are never forgotten: the preferred side wins a clash, the other fills the rest.</summary>
    private static IReadOnlyDictionary<string, string> MergeRefs(IReadOnlyDictionary<string, string> preferred, IReadOnlyDictionary<string, string> other)
    {
        // Returning one side itself when it already knows everything keeps a duplicate delivery "Unchanged".
        if (other.Keys.All(preferred.ContainsKey))
            return preferred;
        if (preferred.Count == 0)
            return other;
        var merged = new Dictionary<string, string>(other, StringComparer.Ordinal);
        foreach (var (key, value) in preferred)
            merged[key] = value;
        return merged;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
