using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Storefronts;

/// <summary>What the recovery engine needs from a platform connector at send and click time.</summary>
public interface IStorefront
{
    /// <summary>The <see cref="Store.Platform"/> this connector serves.</summary>
    string Platform { get; }

    /// <summary>Creates a unique, single-use, expiring code for the cart on the platform.</summary>
    Task<IssuedOffer> IssueOfferAsync(Store store, Cart cart, OfferSpec offer, DateTimeOffset expiresAt, CancellationToken ct);

    /// <summary>Where a click on a restore link lands: the platform's own way back to the cart, with the code applied where it can be.</summary>
    Uri BuildRestoreUrl(Store store, Cart cart, string? offerCode);

    /// <summary>
    /// The hosts the store's own pages live on, as verified when it was connected (not as a cart or order reported
    /// them): a restore link only ever redirects to one of these.
    /// </summary>
    IReadOnlyCollection<string> OwnHosts(Store store);

    /// <summary>Right before a send: asks the platform whether the cart is still open (no order, link still works).</summary>
    Task<StorefrontCartState> CheckCartAsync(Store store, Cart cart, CancellationToken ct);
}

public enum StorefrontCartState
{
    /// <summary>No order yet and the restore link still leads to the cart.</summary>
    Open,
    /// <summary>The platform has an order for it (the order itself arrives through the normal ingestion path).</summary>
    Ordered,
    /// <summary>The platform no longer has it (deleted, expired).</summary>
    Gone,
}
