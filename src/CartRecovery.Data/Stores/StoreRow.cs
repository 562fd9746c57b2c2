using CartRecovery.Core.Stores;

namespace CartRecovery.Data.Stores;

/// <summary>One row of <c>stores</c>; the abandonment cut-off is kept in milliseconds.</summary>
internal sealed class StoreRow
{
    public const string Columns = """
        id, platform, external_id, name, storefront_url, currency, time_zone, locale, abandon_after_ms, sequence,
        sender_email, sender_name, created_at, status, api_base_url, public_key, sending_paused_reason,
        reply_to, logo_url, brand_color, postal_address, message_stream, account_id
        """;

    public long Id { get; set; }
    public string Platform { get; set; } = "";
    public string ExternalId { get; set; } = "";
    public string Name { get; set; } = "";
    public string StorefrontUrl { get; set; } = "";
    public string Currency { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public string Locale { get; set; } = "";
    public long AbandonAfterMs { get; set; }
    public string Sequence { get; set; } = "";
    public string SenderEmail { get; set; } = "";
    public string SenderName { get; set; } = "";
    public long CreatedAt { get; set; }
    public int Status { get; set; }
    public string? ApiBaseUrl { get; set; }
    public string? PublicKey { get; set; }
    public string? SendingPausedReason { get; set; }
    public string? ReplyTo { get; set; }
    public string? LogoUrl { get; set; }
    public string? BrandColor { get; set; }
    public string? PostalAddress { get; set; }
    public string? MessageStream { get; set; }
    public long? AccountId { get; set; }

    public static StoreRow From(Store store) => new()
    {
        Id = store.Id,
        Platform = store.Platform,
        ExternalId = store.ExternalId,
        Name = store.Name,
        StorefrontUrl = store.StorefrontUrl,
        Currency = store.Currency,
        TimeZone = store.TimeZone,
        Locale = store.Locale,
        AbandonAfterMs = DbTime.ToDbMs(store.AbandonAfter),
        Sequence = store.Sequence,
        SenderEmail = store.SenderEmail,
        SenderName = store.SenderName,
        CreatedAt = DbTime.ToDb(store.CreatedAt),
        Status = (int)store.Status,
        ApiBaseUrl = store.ApiBaseUrl,
        SendingPausedReason = store.SendingPausedReason,
        ReplyTo = store.ReplyTo,
        LogoUrl = store.LogoUrl,
        BrandColor = store.BrandColor,
        PostalAddress = store.PostalAddress,
        MessageStream = store.MessageStream,
        AccountId = store.AccountId,
        // A new store gets its key here; an existing one keeps its own (the upsert never overwrites it).
        PublicKey = store.PublicKey ?? System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)),
    };

    public Store ToStore() => new()
    {
        Id = Id,
        Platform = Platform,
        ExternalId = ExternalId,
        Name = Name,
        StorefrontUrl = StorefrontUrl,
        Currency = Currency,
        TimeZone = TimeZone,
        Locale = Locale,
        AbandonAfter = DbTime.FromDbMs(AbandonAfterMs),
        Sequence = Sequence,
        SenderEmail = SenderEmail,
        SenderName = SenderName,
        CreatedAt = DbTime.FromDb(CreatedAt),
        Status = (StoreStatus)Status,
        ApiBaseUrl = ApiBaseUrl,
        PublicKey = PublicKey,
        SendingPausedReason = SendingPausedReason,
        ReplyTo = ReplyTo,
        LogoUrl = LogoUrl,
        BrandColor = BrandColor,
        PostalAddress = PostalAddress,
        MessageStream = MessageStream,
        AccountId = AccountId,
    };
}
