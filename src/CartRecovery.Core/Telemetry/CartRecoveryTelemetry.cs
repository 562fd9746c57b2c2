using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CartRecovery.Core.Telemetry;

/// <summary>
/// The one <see cref="Meter"/> and the one <see cref="ActivitySource"/> of the app, both named <see cref="Name"/>.
/// Instruments are created once per process, where the event happens (Core use cases and jobs), so the web host, the
/// command-line verbs and the benchmarks all count the same way; a host decides whether and where they are exported.
/// They are static rather than built from an <see cref="IMeterFactory"/> so that a use case needs no extra constructor
/// argument to be counted. Tags never hold an email address, a token or a cart's contents; store and cart ids appear
/// on activities only (as metric labels they would grow without bound).
/// </summary>
public static class CartRecoveryTelemetry
{
    public const string Name = "CartRecovery";

    public static readonly Meter Meter = new(Name);

    public static readonly ActivitySource Source = new(Name);

    /// <summary>Tag names shared by activities and metrics, stable so dashboards and queries keep working.</summary>
    public static class Tags
    {
        public const string StoreId = "cartrecovery.store_id";
        public const string CartId = "cartrecovery.cart_id";
        public const string MessageId = "cartrecovery.message_id";
        public const string DeliveryId = "cartrecovery.webhook.delivery_id";
        public const string Step = "cartrecovery.step";
        public const string Platform = "platform";
        public const string Topic = "topic";
        public const string Outcome = "outcome";
        public const string Reason = "reason";
        public const string Channel = "channel";
        public const string Transport = "transport";
        public const string Connector = "connector";
        public const string Job = "job";
    }

    /// <summary>Starts an internal activity of ours (null when nobody listens), tagged with the store and, when known, the cart.</summary>
    public static Activity? Start(string name, long? storeId, long? cartId = null)
    {
        var activity = Source.StartActivity(name, ActivityKind.Internal);
        if (activity is null)
            return null;
        if (storeId is { } store)
            activity.SetTag(Tags.StoreId, store);
        if (cartId is { } cart)
            activity.SetTag(Tags.CartId, cart);
        return activity;
    }

    /// <summary>Marks the activity failed with the error's type only: messages may quote a customer's address.</summary>
    public static void Fail(Activity? activity, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        activity?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
    }
}
