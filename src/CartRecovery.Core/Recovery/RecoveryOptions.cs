namespace CartRecovery.Core.Recovery;

/// <summary>The rules of the recovery engine (section <c>Recovery</c>).</summary>
public sealed class RecoveryOptions
{
    public const string Section = "Recovery";

    /// <summary>The address customers reach this app at; restore and unsubscribe links start with it.</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:5080/");

    /// <summary>An order within this time after a click (or, failing that, a send) counts as recovered.</summary>
    public TimeSpan AttributionWindow { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan RestoreLinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Unsubscribe links are honoured even after this; the expiry only bounds what a token claims.</summary>
    public TimeSpan UnsubscribeLinkLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// Idle carts older than this are expired instead of enrolled (a late catch-up must not email about last month's
    /// cart). A store's <see cref="Stores.SendingPolicy.MaxCartAge"/> overrides it.
    /// </summary>
    public TimeSpan MaxCartAge { get; set; } = TimeSpan.FromDays(7);

    public int AbandonmentBatchSize { get; set; } = 500;

    /// <summary>
    /// Messages claimed per dispatch batch; a batch's emails go to the transport together (Postmark takes up to 500 per
    /// call, so a bigger batch only makes more calls).
    /// </summary>
    public int DispatchBatchSize { get; set; } = 500;

    /// <summary>How long a claimed message stays with its dispatcher before another may take it.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// A message whose attempts ended this many times in a row without any result (the process died, or hung past its
    /// lease, mid-send: a template or payload that kills the process would otherwise kill every node in turn) is
    /// quarantined on its next claim instead of being tried again.
    /// </summary>
    public int PoisonAfterUnfinishedAttempts { get; set; } = 3;

    /// <summary>First retry delay; each further attempt doubles it.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many related products an email may suggest (the templates' "You may also like"); 0: none, and the
    /// platforms are not asked.</summary>
    public int RelatedProducts { get; set; } = 3;

    /// <summary>
    /// How long a send may wait for the platform's related products, counted from the message's due time: a send already
    /// that late asks nothing and goes out without them (an email without the block, never a late email).
    /// </summary>
    public TimeSpan RelatedProductsWait { get; set; } = TimeSpan.FromSeconds(2);
}
