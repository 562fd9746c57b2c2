using CartRecovery.Core.Webhooks;

namespace CartRecovery.Data.Webhooks;

/// <summary>One row of <c>webhook_deliveries</c>.</summary>
internal sealed class WebhookDeliveryRow
{
    public long Id { get; set; }
    public string Platform { get; set; } = "";
    public string DeliveryId { get; set; } = "";
    public string Topic { get; set; } = "";
    public long? StoreId { get; set; }
    public string? ShopRef { get; set; }
    public string Body { get; set; } = "";
    public long? TriggeredAt { get; set; }
    public long ReceivedAt { get; set; }
    public int Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public long NextAttemptAt { get; set; }
    public long? LeaseUntil { get; set; }
    public long? ProcessedAt { get; set; }

    public static WebhookDeliveryRow From(WebhookDelivery d) => new()
    {
        Platform = d.Platform,
        DeliveryId = d.DeliveryId,
        Topic = d.Topic,
        StoreId = d.StoreId,
        ShopRef = d.ShopRef,
        Body = d.Body,
        TriggeredAt = DbTime.ToDb(d.TriggeredAt),
        ReceivedAt = DbTime.ToDb(d.ReceivedAt),
        Status = (int)d.Status,
        Attempts = d.Attempts,
        NextAttemptAt = DbTime.ToDb(d.ReceivedAt),
    };

    public WebhookDelivery ToDelivery() => new()
    {
        Id = Id,
        Platform = Platform,
        DeliveryId = DeliveryId,
        Topic = Topic,
        StoreId = StoreId,
        ShopRef = ShopRef,
        Body = Body,
        TriggeredAt = DbTime.FromDb(TriggeredAt),
        ReceivedAt = DbTime.FromDb(ReceivedAt),
        Status = (WebhookStatus)Status,
        Attempts = Attempts,
        LastError = LastError,
        ProcessedAt = DbTime.FromDb(ProcessedAt),
    };
}
