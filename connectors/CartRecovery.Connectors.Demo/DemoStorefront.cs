using System.Security.Cryptography;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.Demo;

/// <summary>The demo shop's side of recovery: codes it accepts, and its cart page as the way back.</summary>
public sealed class DemoStorefront(DemoLedger ledger) : IStorefront
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public string Platform => Platforms.Demo;

    public Task<IssuedOffer> IssueOfferAsync(Store store, Cart cart, OfferSpec offer, DateTimeOffset expiresAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(offer);
        var code = "BACK-" + RandomNumberGenerator.GetString(CodeAlphabet, 8);
        ledger.RegisterCode(code, offer);
        return Task.FromResult(new IssuedOffer(code, offer.Describe(cart.Currency), expiresAt));
    }

    public Uri BuildRestoreUrl(Store store, Cart cart, string? offerCode)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(cart);
        var url = cart.RestoreUrl ?? new Uri(new Uri(store.StorefrontUrl), $"cart/{Uri.EscapeDataString(cart.ExternalId)}").AbsoluteUri;
        return new Uri(offerCode is null ? url : $"{url}?discount={Uri.EscapeDataString(offerCode)}");
    }

    /// <summary>The demo shop lives on the host's own address, which is where its storefront URL points.</summary>
    public IReadOnlyCollection<string> OwnHosts(Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Uri.TryCreate(store.StorefrontUrl, UriKind.Absolute, out var home) ? [home.IdnHost] : [];
    }

    public Task<StorefrontCartState> CheckCartAsync(Store store, Cart cart, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(cart);
        return Task.FromResult(ledger.HasOrder(cart.ExternalId) ? StorefrontCartState.Ordered : StorefrontCartState.Open);
    }
}
