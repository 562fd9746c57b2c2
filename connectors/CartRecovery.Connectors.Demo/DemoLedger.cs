using System.Collections.Concurrent;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Connectors.Demo;

/// <summary>
/// What the demo platform knows: the codes it issued and the orders placed. Kept apart from the shoppers'
/// simulation so the storefront (which the recovery engine uses) does not depend on the simulation (which uses the engine).
/// </summary>
public sealed class DemoLedger
{
    private readonly ConcurrentDictionary<string, OfferSpec> _codes = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _orders = new();

    public void RegisterCode(string code, OfferSpec offer) => _codes[code] = offer;

    /// <summary>The offer behind a code this shop issued, if any.</summary>
    public OfferSpec? FindOffer(string? code) => code is not null && _codes.TryGetValue(code, out var offer) ? offer : null;

    public bool HasOrder(string cartId) => _orders.ContainsKey(cartId);

    /// <summary>The order id of the cart, created on first call (placing an order twice gives the same order).</summary>
    public string PlaceOrder(string cartId, long cartNumber) => _orders.GetOrAdd(cartId, _ => $"DEMO-{cartNumber:D5}");
}
