namespace CartRecovery.Core.Stores;

/// <summary>A shop connected to CartRecovery.</summary>
public sealed record Store
{
    private readonly string _name = "";
    private readonly string _senderName = "";

    public long Id { get; init; }
    /// <summary>The connector that serves this store: <see cref="Platforms"/>.</summary>
    public required string Platform { get; init; }
    /// <summary>The platform's id for the shop (Shopify domain, WooCommerce site URL, demo key).</summary>
    public required string ExternalId { get; init; }
    /// <summary>Shown to customers; whatever the platform reports, kept to one line of visible text (<see cref="DisplayText"/>).</summary>
    public required string Name { get => _name; init => _name = DisplayText.Clean(value); }
    /// <summary>The storefront's home page, where a dead restore link still sends the customer.</summary>
    public required string StorefrontUrl { get; init; }
    public required string Currency { get; init; }
    /// <summary>IANA time zone id of the store.</summary>
    public string TimeZone { get; init; } = "UTC";
    public string Locale { get; init; } = "en";
    /// <summary>How long a cart with contact details may be idle before it counts as abandoned.</summary>
    public TimeSpan AbandonAfter { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>The recovery sequence carts of this store enrol in (<see cref="Sequences.SequencePresets"/>).</summary>
    public string Sequence { get; init; } = Sequences.SequencePresets.Standard.Name;
    public required string SenderEmail { get; init; }
    /// <summary>The From name; whatever set it, kept to one line of visible text (<see cref="DisplayText"/>).</summary>
    public required string SenderName { get => _senderName; init => _senderName = DisplayText.Clean(value); }
    /// <summary>Where customers' replies go (the shop's support address); null: replies go to the sender.</summary>
    public string? ReplyTo { get; init; }
    /// <summary>Branding shown in emails: logo (absolute https URL), button colour (#RRGGBB), postal address in the footer.</summary>
    public string? LogoUrl { get; init; }
    public string? BrandColor { get; init; }
    public string? PostalAddress { get; init; }
    /// <summary>The email provider's stream for this store's recovery emails (Postmark); null: the deployment's default.</summary>
    public string? MessageStream { get; init; }
    public StoreStatus Status { get; init; } = StoreStatus.Active;
    /// <summary>Why sending is paused for this store (the email provider rejected our credentials), or null when it is not.</summary>
    public string? SendingPausedReason { get; init; }
    /// <summary>Overrides the platform's API address for this store (an emulator, a proxy); null means the platform's own.</summary>
    public string? ApiBaseUrl { get; init; }
    /// <summary>
    /// Public, unguessable id for browser-facing endpoints (the storefront capture script posts to
    /// <c>/capture/{PublicKey}</c>); not a secret, but never the database id. Assigned when the store is created.
    /// </summary>
    public string? PublicKey { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>
    /// The account that owns the store (<see cref="Accounts.Account"/>). A store saved without one gets a new merchant
    /// account named after it, in the same transaction, so every stored store belongs to exactly one account.
    /// </summary>
    public long? AccountId { get; init; }

    /// <summary>The store's clock; an unknown zone id (validated at save, so only old rows) falls back to UTC.</summary>
    public TimeZoneInfo ResolveTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
