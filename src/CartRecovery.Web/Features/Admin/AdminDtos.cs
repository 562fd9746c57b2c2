using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Features.Admin;

/// <summary>How stores, carts and messages look in the admin API (never the Core records themselves).</summary>
internal sealed record StoreDto(long Id, string Platform, string ExternalId, string Name, string StorefrontUrl, string Currency,
    string TimeZone, string Locale, int AbandonAfterSeconds, string Sequence, StoreStatus Status, string? PublicKey, string? SendingPausedReason,
    string SenderEmail, string SenderName, string? ReplyTo, string? LogoUrl, string? BrandColor, string? PostalAddress, string? MessageStream,
    DateTimeOffset CreatedAt, long? AccountId)
{
    public static StoreDto From(Store s) => new(s.Id, s.Platform, s.ExternalId, s.Name, s.StorefrontUrl, s.Currency, s.TimeZone,
        s.Locale, (int)s.AbandonAfter.TotalSeconds, s.Sequence, s.Status, s.PublicKey, s.SendingPausedReason,
        s.SenderEmail, s.SenderName, s.ReplyTo, s.LogoUrl, s.BrandColor, s.PostalAddress, s.MessageStream, s.CreatedAt, s.AccountId);
}

internal sealed record CartSummaryDto(long Id, long StoreId, string ExternalId, CartStatus Status, string? Email, string Currency,
    long TotalMinor, int Lines, DateTimeOffset PlatformUpdatedAt, DateTimeOffset? AbandonedAt, DateTimeOffset? ConvertedAt)
{
    public static CartSummaryDto From(Cart c) => new(c.Id, c.StoreId, c.ExternalId, c.Status, c.Contact.Email, c.Currency,
        c.TotalMinor, c.Lines.Count, c.PlatformUpdatedAt, c.AbandonedAt, c.ConvertedAt);
}

internal sealed record MessageDto(long Id, int Step, string Kind, string Template, MessageStatus Status, DateTimeOffset DueAt,
    int Attempts, string? LastError, DateTimeOffset? SentAt, DateTimeOffset? DeliveredAt, DateTimeOffset? OpenedAt, DateTimeOffset? ClickedAt,
    string? OfferCode, DateTimeOffset? OfferExpiresAt, long? SequenceId, int? SequenceVersion, string? Variant)
{
    public static MessageDto From(OutboundMessage m) => new(m.Id, m.Step, m.Kind.ToString(), m.Template, m.Status, m.DueAt,
        m.Attempts, m.LastError, m.SentAt, m.DeliveredAt, m.OpenedAt, m.ClickedAt, m.OfferCode, m.OfferExpiresAt,
        m.SequenceId, m.SequenceVersion, m.Variant);
}

internal sealed record CartDetailDto(
    long Id, long StoreId, string ExternalId, CartStatus Status, CartContact Contact, IReadOnlyList<CartLine> Lines,
    string Currency, long SubtotalMinor, long TotalMinor, string? RestoreUrl,
    DateTimeOffset PlatformCreatedAt, DateTimeOffset PlatformUpdatedAt, DateTimeOffset? AbandonedAt, DateTimeOffset? ConvertedAt,
    string? OrderId, long? OrderTotalMinor, int? RecoveredByStep,
    IReadOnlyList<MessageDto> Messages, IReadOnlyList<CartEvent> Timeline)
{
    public static CartDetailDto From(Cart c, IEnumerable<OutboundMessage> messages, IReadOnlyList<CartEvent> timeline) => new(
        c.Id, c.StoreId, c.ExternalId, c.Status, c.Contact, c.Lines, c.Currency, c.SubtotalMinor, c.TotalMinor, c.RestoreUrl,
        c.PlatformCreatedAt, c.PlatformUpdatedAt, c.AbandonedAt, c.ConvertedAt, c.OrderId, c.OrderTotalMinor, c.RecoveredByStep,
        messages.Select(MessageDto.From).ToList(), timeline);
}

/// <summary>A customer data export recorded for a privacy request; <c>Export</c> is the document the customer received.</summary>
internal sealed record DataExportDto(string RequestId, DateTimeOffset CreatedAt, System.Text.Json.JsonElement Export)
{
    public static DataExportDto From(RecordedExport e) =>
        new(e.RequestId, e.CreatedAt, System.Text.Json.JsonSerializer.Deserialize<System.Text.Json.JsonElement>(e.Json));
}

/// <summary>
/// The headline numbers of one store (or all, when <c>StoreId</c> is null). <c>QuarantinedMessages</c> counts messages
/// set aside after attempts that died mid-send (Recovery:PoisonAfterUnfinishedAttempts): a person should look.
/// </summary>
internal sealed record MetricsDto(long? StoreId, long AbandonedCarts, long EmailsSent, long Delivered, long Opened, long Clicked,
    long RecoveredOrders, long UnassistedOrders, IReadOnlyList<MoneyTotal> RecoveredRevenue, double RecoveryRate,
    IReadOnlyList<StepMetrics> BySteps, long QuarantinedMessages)
{
    /// <summary>Texts (SMS steps) sent; delivered, clicked and the per-step figures count texts and emails alike.</summary>
    public long TextsSent { get; init; }
}
