namespace CartRecovery.Connectors.WooCommerce.Orders;

/// <summary>
/// WooCommerce order statuses (REST names, without the <c>wc-</c> prefix) and what they mean for recovery.
/// <c>pending</c> is an order placed but unpaid, <c>failed</c> a declined payment, <c>checkout-draft</c> a block
/// checkout in progress; <c>on-hold</c> (bank transfer, cheque) counts as ordered because the customer did order.
/// </summary>
internal static class WooCommerceOrderStatuses
{
    public const string Pending = "pending";
    public const string Failed = "failed";
    public const string CheckoutDraft = "checkout-draft";
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string OnHold = "on-hold";
    public const string Cancelled = "cancelled";
    public const string Refunded = "refunded";
    public const string Trash = "trash";

    public static WooCommerceOrderState Classify(string? status) => status switch
    {
        Pending or Failed or CheckoutDraft => WooCommerceOrderState.Abandoned,
        Processing or Completed or OnHold => WooCommerceOrderState.Ordered,
        Cancelled or Refunded or Trash => WooCommerceOrderState.Gone,
        _ => WooCommerceOrderState.Ignored,
    };

    /// <summary>
    /// What the poller asks for: the abandonment states, the ones that convert, and cancelled (WooCommerce cancels unpaid
    /// orders after the hold-stock time). <c>checkout-draft</c> is left out for stores that do not register it
    /// (WordPress rejects an unknown status with 400 <c>rest_invalid_param</c>).
    /// </summary>
    public static IReadOnlyList<string> Polled(bool includeDrafts) => includeDrafts
        ? [Pending, Failed, CheckoutDraft, Processing, Completed, OnHold, Cancelled]
        : [Pending, Failed, Processing, Completed, OnHold, Cancelled];
}
