using System.Text.Json;
using CartRecovery.Core.Carts;

namespace CartRecovery.Data.Carts;

/// <summary>One row of <c>carts</c>; instants are unix milliseconds.</summary>
internal sealed class CartRow
{
    /// <summary>Every column of <c>carts</c>, for queries that alias the table as <c>c</c>.</summary>
    public const string Columns = """
        c.id, c.store_id, c.external_id, c.status, c.email, c.email_normalized, c.phone, c.first_name, c.last_name,
        c.locale, c.accepts_marketing, c.currency, c.subtotal_minor, c.total_minor, c.restore_url,
        c.platform_created_at, c.platform_updated_at, c.abandoned_at, c.converted_at, c.order_id,
        c.order_total_minor, c.recovered_by_step, c.created_at, c.updated_at, c.platform_refs, c.presentment_currency,
        c.presentment_total_minor, c.country, c.accepts_sms, c.sequence_id, c.sequence_version, c.control_group
        """;

    public long Id { get; set; }
    public long StoreId { get; set; }
    public string ExternalId { get; set; } = "";
    public int Status { get; set; }
    public string? Email { get; set; }
    public string? EmailNormalized { get; set; }
    public string? Phone { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Locale { get; set; }
    public long? AcceptsMarketing { get; set; }
    public string Currency { get; set; } = "";
    public long SubtotalMinor { get; set; }
    public long TotalMinor { get; set; }
    public string? RestoreUrl { get; set; }
    public long PlatformCreatedAt { get; set; }
    public long PlatformUpdatedAt { get; set; }
    public long? AbandonedAt { get; set; }
    public long? ConvertedAt { get; set; }
    public string? OrderId { get; set; }
    public long? OrderTotalMinor { get; set; }
    public int? RecoveredByStep { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }
    /// <summary>JSON object of the platform's other identifiers (null when there are none).</summary>
    public string? PlatformRefs { get; set; }
    public string? PresentmentCurrency { get; set; }
    public long? PresentmentTotalMinor { get; set; }
    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string? Country { get; set; }
    public long? AcceptsSms { get; set; }
    public long? SequenceId { get; set; }
    public int? SequenceVersion { get; set; }
    public long ControlGroup { get; set; }

    public static CartRow From(Cart cart) => new()
    {
        Id = cart.Id,
        StoreId = cart.StoreId,
        ExternalId = cart.ExternalId,
        Status = (int)cart.Status,
        Email = cart.Contact.Email,
        EmailNormalized = EmailNormalizer.Normalize(cart.Contact.Email),
        Phone = cart.Contact.Phone,
        FirstName = cart.Contact.FirstName,
        LastName = cart.Contact.LastName,
        Locale = cart.Contact.Locale,
        AcceptsMarketing = cart.Contact.AcceptsMarketing is { } accepts ? (accepts ? 1 : 0) : null,
        Currency = cart.Currency,
        SubtotalMinor = cart.SubtotalMinor,
        TotalMinor = cart.TotalMinor,
        RestoreUrl = cart.RestoreUrl,
        PlatformCreatedAt = DbTime.ToDb(cart.PlatformCreatedAt),
        PlatformUpdatedAt = DbTime.ToDb(cart.PlatformUpdatedAt),
        AbandonedAt = DbTime.ToDb(cart.AbandonedAt),
        ConvertedAt = DbTime.ToDb(cart.ConvertedAt),
        OrderId = cart.OrderId,
        OrderTotalMinor = cart.OrderTotalMinor,
        RecoveredByStep = cart.RecoveredByStep,
        CreatedAt = DbTime.ToDb(cart.CreatedAt),
        UpdatedAt = DbTime.ToDb(cart.UpdatedAt),
        PlatformRefs = cart.PlatformRefs.Count == 0 ? null : JsonSerializer.Serialize(cart.PlatformRefs),
        PresentmentCurrency = cart.PresentmentCurrency,
        PresentmentTotalMinor = cart.PresentmentTotalMinor,
        Country = cart.Contact.Country,
        AcceptsSms = cart.Contact.AcceptsSms is { } sms ? (sms ? 1 : 0) : null,
    };

    public Cart ToCart(IReadOnlyList<CartLine> lines) => new()
    {
        Id = Id,
        StoreId = StoreId,
        ExternalId = ExternalId,
        Status = (CartStatus)Status,
        Contact = new CartContact(Email, Phone, FirstName, LastName, Locale, AcceptsMarketing is { } accepts ? accepts != 0 : null, Country,
            AcceptsSms is { } sms ? sms != 0 : null),
        Lines = lines,
        Currency = Currency,
        SubtotalMinor = SubtotalMinor,
        TotalMinor = TotalMinor,
        RestoreUrl = RestoreUrl,
        PlatformCreatedAt = DbTime.FromDb(PlatformCreatedAt),
        PlatformUpdatedAt = DbTime.FromDb(PlatformUpdatedAt),
        AbandonedAt = DbTime.FromDb(AbandonedAt),
        ConvertedAt = DbTime.FromDb(ConvertedAt),
        OrderId = OrderId,
        OrderTotalMinor = OrderTotalMinor,
        RecoveredByStep = RecoveredByStep,
        CreatedAt = DbTime.FromDb(CreatedAt),
        UpdatedAt = DbTime.FromDb(UpdatedAt),
        PlatformRefs = ReadRefs(PlatformRefs),
        PresentmentCurrency = PresentmentCurrency,
        PresentmentTotalMinor = PresentmentTotalMinor,
        SequenceId = SequenceId,
        SequenceVersion = SequenceVersion,
        InControlGroup = ControlGroup != 0,
    };

    /// <summary>The <c>platform_refs</c> column (JSON, or null for none) as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> ReadRefs(string? json) =>
        json is null ? Cart.NoRefs : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? Cart.NoRefs;
}
