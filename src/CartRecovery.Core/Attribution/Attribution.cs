namespace CartRecovery.Core.Attribution;

/// <summary>Which message, if any, earned an order.</summary>
public sealed record Attribution(long? MessageId, int? Step)
{
    public static readonly Attribution Unassisted = new(null, null);
    public bool IsRecovered => MessageId is not null;
}
