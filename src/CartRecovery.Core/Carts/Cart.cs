namespace CartRecovery.Core.Carts;

/// <summary>The one normalized cart CartRecovery keeps per platform checkout.</summary>
public sealed record Cart
{
    public static readonly IReadOnlyDictionary<string, string> NoRefs = new Dictionary<string, string>();

    public long Id { get; init; }
    public required long StoreId { get; init; }
    public required string ExternalId { get; init; }
    public CartStatus Status { get; init; } = CartStatus.Active;
    public CartContact Contact { get; init; } = CartContact.Empty;
    public IReadOnlyList<CartLine> Lines { get; init; } = [];
    public required string Currency { get; init; }
    public long SubtotalMinor { get; init; }
    public long TotalMinor { get; init; }
    /// <summary>The platform's own way back to this cart (checkout recovery URL, order-pay link, ...).</summary>
    public string? RestoreUrl { get; init; }
    /// <summary>The platform's other identifiers for this cart (<see cref="CartSnapshot.PlatformRefs"/>).</summary>
    public IReadOnlyDictionary<string, string> PlatformRefs { get; init; } = NoRefs;
    public string? PresentmentCurrency { get; init; }
    public long? PresentmentTotalMinor { get; init; }
    public DateTimeOffset PlatformCreatedAt { get; init; }
    /// <summary>The platform's last-modified time of the newest snapshot merged so far.</summary>
    public DateTimeOffset PlatformUpdatedAt { get; init; }
    public DateTimeOffset? AbandonedAt { get; init; }
    public DateTimeOffset? ConvertedAt { get; init; }
    public string? OrderId { get; init; }
    public long? OrderTotalMinor { get; init; }
    /// <summary>The sequence step credited with the recovery, when <see cref="Status"/> is Recovered.</summary>
    public int? RecoveredByStep { get; init; }
    /// <summary>The store sequence the cart enrolled in at abandonment (null for a preset, no match, or before issue 15).</summary>
    public long? SequenceId { get; init; }
    public int? SequenceVersion { get; init; }
    /// <summary>Drawn into its sequence's hold-out (<see cref="Sequences.ControlGroup"/>): it is never messaged.</summary>
    public bool InControlGroup { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public static Cart FromSnapshot(CartSnapshot snapshot, DateTimeOffset now) => new()
    {
        StoreId = snapshot.StoreId,
        ExternalId = snapshot.ExternalId,
        Contact = snapshot.Contact,
        Lines = snapshot.Lines,
        Currency = snapshot.Currency,
        SubtotalMinor = snapshot.SubtotalMinor,
        TotalMinor = snapshot.TotalMinor,
        RestoreUrl = snapshot.RestoreUrl,
        PlatformRefs = snapshot.PlatformRefs,
        PresentmentCurrency = snapshot.PresentmentCurrency,
        PresentmentTotalMinor = snapshot.PresentmentTotalMinor,
        PlatformCreatedAt = snapshot.CreatedAt,
        PlatformUpdatedAt = snapshot.UpdatedAt,
        CreatedAt = now,
        UpdatedAt = now,
    };
}
