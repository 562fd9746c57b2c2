using System.Collections.Concurrent;
using CartRecovery.Core;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.Demo;

/// <summary>
/// A small shop that plays itself: shoppers arrive, fill carts, and then buy at once, buy after clicking a recovery
/// email, come back after the offer, or leave. Everything it does goes through the same paths a real connector uses
/// (<see cref="CartIngestion"/>, the restore link), so the demo exercises the real product.
/// </summary>
public sealed class DemoShop(
    CartIngestion ingestion,
    DemoLedger ledger,
    ICartRepository carts,
    IMessageRepository messages,
    LinkBuilder links,
    LinkService linkService,
    IOptions<DemoOptions> options,
    TimeProvider time)
{
    private static readonly TimeSpan ClickToOrder = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, DemoShopper> _shoppers = new();
    private readonly Random _random = options.Value.Seed is { } seed ? new Random(seed) : new Random();
    private DateTimeOffset? _lastArrival;
    private int _arrivals;

    public int Arrivals => _arrivals;

    /// <summary>
    /// One step of the simulation: maybe a new shopper, and whatever the current shoppers are due to do. Ticks come
    /// from the poll job, which never runs twice at once, so the shoppers' state needs no lock of its own.
    /// </summary>
    public async Task<int> TickAsync(Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var now = time.GetUtcNow();
        var reported = 0;
        if (_arrivals < options.Value.MaxShoppers && (_lastArrival is null || now - _lastArrival >= options.Value.NewShopperEvery))
        {
            await ArriveAsync(store, now, ct);
            reported++;
        }
        foreach (var shopper in _shoppers.Values.Where(s => !s.Done).ToList())
            reported += await ActAsync(store, shopper, now, ct);
        return reported;
    }

    /// <summary>Places the order for a cart (from the demo checkout page or a simulated shopper).</summary>
    public async Task<OrderOutcome> PlaceOrderAsync(Store store, string cartId, string? discountCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var cart = await carts.FindAsync(store.Id, cartId, ct);
        if (cart is null)
            return OrderOutcome.UnknownCart;
        var orderId = ledger.PlaceOrder(cartId, cart.Id);
        if (_shoppers.TryGetValue(cartId, out var shopper))
            shopper.Done = true;
        var total = cart.TotalMinor - Discount(cart, ledger.FindOffer(discountCode));
        return await ingestion.ReportOrderAsync(new OrderReport(store.Id, cartId, orderId, total, time.GetUtcNow()), ct);
    }

    /// <summary>What <paramref name="offer"/> takes off the cart, in minor units.</summary>
    public static long Discount(Cart cart, OfferSpec? offer) => offer?.Kind switch
    {
        OfferKind.Percentage => cart.TotalMinor * offer.Value / 100,
        OfferKind.FixedAmount => Math.Min(offer.Value, cart.TotalMinor),
        _ => 0,
    };

    private async Task ArriveAsync(Store store, DateTimeOffset now, CancellationToken ct)
    {
        _lastArrival = now;
        var number = Interlocked.Increment(ref _arrivals);
        var cartId = $"demo-{now.ToUnixTimeMilliseconds():x}-{number}";
        var behaviour = Behaviours[(number - 1) % Behaviours.Length];
        var shopper = new DemoShopper(cartId, behaviour, now);
        _shoppers[cartId] = shopper;

        var person = DemoPeople.Pick(number, _random);
        // One guest in ten never types an email: such carts are kept but cannot be recovered by email.
        var email = number % 10 == 7 ? null : person.Email(number);
        var (phone, acceptsSms) = DemoPeople.Mobile(number);
        var contact = new CartContact(email, phone, person.FirstName, person.LastName, person.Locale, AcceptsMarketing: _random.Next(3) > 0,
            Country: person.Country, AcceptsSms: acceptsSms);
        IReadOnlyList<CartLine> lines = [];
        for (var i = 1 + _random.Next(2); i > 0; i--)
            lines = DemoCartLines.Add(lines, RandomLine(store, person.Locale));
        await ReportAsync(store, cartId, contact, lines, now, ct);
    }

    private async Task<int> ActAsync(Store store, DemoShopper shopper, DateTimeOffset now, CancellationToken ct)
    {
        if (!shopper.AddedSecondItem && now - shopper.ArrivedAt >= TimeSpan.FromSeconds(3))
        {
            shopper.AddedSecondItem = true;
            var cart = await carts.FindAsync(store.Id, shopper.CartId, ct);
            if (cart is not null && cart.Status == CartStatus.Active)
            {
                var extra = RandomLine(store, cart.Contact.Locale ?? DemoShopLanguage.English);
                await ReportAsync(store, shopper.CartId, cart.Contact, DemoCartLines.Add(cart.Lines, extra), now, ct);
                return 1;
            }
        }

        if (shopper.BuyAt is { } buyAt)
        {
            if (now < buyAt)
                return 0;
            var code = await OfferCodeAsync(store, shopper.CartId, ct);
            await PlaceOrderAsync(store, shopper.CartId, code, ct);
            return 1;
        }

        switch (shopper.Behaviour)
        {
            case DemoBehaviour.BuysRightAway when now - shopper.ArrivedAt >= TimeSpan.FromSeconds(6):
                shopper.BuyAt = now;
                break;
            case DemoBehaviour.ClicksThenBuys:
                if (await SentMessageAsync(store, shopper.CartId, step: null, ct) is { } message)
                {
                    // A real click: the same signed link the email carries, through the same service /r/ uses.
                    var token = new Uri(links.Restore(message.Id, now)).Segments[^1];
                    await linkService.RestoreAsync(token, ct);
                    shopper.BuyAt = now + ClickToOrder;
                }
                break;
            case DemoBehaviour.BuysAfterOffer:
                if (await SentMessageAsync(store, shopper.CartId, step: 2, ct) is not null)
                    shopper.BuyAt = now + TimeSpan.FromSeconds(3);
                break;
            case DemoBehaviour.Leaves when now - shopper.ArrivedAt > TimeSpan.FromMinutes(5):
                shopper.Done = true;
                break;
        }
        return 0;
    }

    private async Task<OutboundMessage?> SentMessageAsync(Store store, string cartId, int? step, CancellationToken ct)
    {
        var cart = await carts.FindAsync(store.Id, cartId, ct);
        if (cart is null)
            return null;
        var sent = await messages.ListForCartAsync(cart.Id, ct);
        return sent.FirstOrDefault(m => m.Status == MessageStatus.Sent && m.Kind == StepKind.Email && (step is null || m.Step == step));
    }

    private async Task<string?> OfferCodeAsync(Store store, string cartId, CancellationToken ct)
    {
        var cart = await carts.FindAsync(store.Id, cartId, ct);
        return cart is null ? null : (await messages.ListForCartAsync(cart.Id, ct)).Select(m => m.OfferCode).LastOrDefault(c => c is not null);
    }

    /// <summary>Reports the cart as the shop now holds it (the storefront's visitors and the simulated shoppers alike).</summary>
    public async Task<CartMergeResult> ReportCartAsync(Store store, string cartId, CartContact contact, IReadOnlyList<CartLine> lines, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        // The merge keeps only news newer than what it holds, as a platform's updated_at always moves on with a change:
        // two clicks within one millisecond (or on a clock that stands still) still make two changes.
        var previous = await carts.FindAsync(store.Id, cartId, ct);
        var now = time.GetUtcNow();
        if (previous is not null && now <= previous.PlatformUpdatedAt)
            now = previous.PlatformUpdatedAt.AddMilliseconds(1);
        return await ReportAsync(store, cartId, contact, lines, now, ct);
    }

    private Task<CartMergeResult> ReportAsync(Store store, string cartId, CartContact contact, IReadOnlyList<CartLine> lines, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var total = lines.Sum(l => l.LineTotalMinor);
        var restoreUrl = new Uri(new Uri(store.StorefrontUrl), $"cart/{cartId}").AbsoluteUri;
        return ingestion.ReportCartAsync(new CartSnapshot(store.Id, cartId, contact, lines, store.Currency, total, total, restoreUrl, now, now), ct);
    }

    private CartLine RandomLine(Store store, string language)
    {
        var product = DemoCatalog.Products[_random.Next(DemoCatalog.Products.Count)];
        return DemoCartLines.Line(new Uri(store.StorefrontUrl), product, product.Variants[_random.Next(product.Variants.Count)], language);
    }

    /// <summary>
    /// Every ten shoppers play this mix (about the field's proportions, made generous so the demo shows every path).
    /// The first one leaves and never comes back: their cart is the one a newcomer can recover by hand from the email.
    /// </summary>
    private static readonly DemoBehaviour[] Behaviours =
    [
        DemoBehaviour.Leaves, DemoBehaviour.ClicksThenBuys, DemoBehaviour.BuysRightAway, DemoBehaviour.Leaves,
        DemoBehaviour.BuysAfterOffer, DemoBehaviour.ClicksThenBuys, DemoBehaviour.Leaves, DemoBehaviour.BuysRightAway,
        DemoBehaviour.Leaves, DemoBehaviour.ClicksThenBuys,
    ];
}
