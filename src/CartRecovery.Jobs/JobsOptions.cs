namespace CartRecovery.Jobs;

/// <summary>How often the recovery jobs run (section <c>Jobs</c>).</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>False leaves the scheduler in standby: nothing fires (for maintenance, or tests that drive jobs by hand).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often idle carts are checked for abandonment.</summary>
    public TimeSpan DetectAbandonedEvery { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often due messages are claimed; this bounds how late a message can be.</summary>
    public TimeSpan SendDueMessagesEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often each store's poll job reads carts and orders webhooks may have missed.</summary>
    public TimeSpan PollStoresEvery { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Safety-net interval of webhook processing (each accepted delivery also triggers it at once).</summary>
    public TimeSpan ProcessWebhooksEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// During a burst of webhook deliveries (one every 100 ms or closer), processing waits for a lull as long as the
    /// oldest pending delivery is younger than this: the CPUs go to the endpoints, which answer the platform faster, and
    /// processing catches up after the burst. Zero processes at once, whatever arrives.
    /// </summary>
    public TimeSpan WebhookBurstDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound of batches one dispatch run drains before yielding to the next fire.</summary>
    public int MaxBatchesPerRun { get; set; } = 20;

    /// <summary>
    /// PostgreSQL and SQL Server only (the job store is clustered there): how often each node records that it is alive.
    /// Shorter detects a dead node sooner at the cost of more database traffic.
    /// </summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long past a missed check-in the other nodes wait before declaring a node dead and releasing its work. Keep it
    /// above the worst pause a live node can take (garbage collection, VM migration, database failover).
    /// </summary>
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often the per-store daily metrics of the recent days are rolled up.</summary>
    public TimeSpan RollUpMetricsEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many UTC days, today included, each roll-up recounts (late deliveries and clicks land in their day).</summary>
    public int RollUpDays { get; set; } = 3;

    /// <summary>How often stores billed by their platform (Shopify) are synced and charged their usage beyond the plan.</summary>
    public TimeSpan ChargeUsageEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often customer data older than each store's retention is erased (and old job runs pruned).</summary>
    public TimeSpan PurgeExpiredDataEvery { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Carts erased per transaction by the retention purge.</summary>
    public int PurgeBatchSize { get; set; } = 500;

    /// <summary>How often every store's feeds (webhooks, polling, capture) are judged and their alarms raised or cleared.</summary>
    public TimeSpan CheckFeedsEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long job run history is kept.</summary>
    public TimeSpan KeepJobRunsFor { get; set; } = TimeSpan.FromDays(30);
}
