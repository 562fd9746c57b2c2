using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>
/// Everything the emulated shop holds, behind one lock: checkouts, discounts, webhook subscriptions, recorded
/// requests and deliveries, and the fault switches. Readers get snapshots so a test never sees a torn list.
/// </summary>
internal sealed class ShopifyEmulatorState(ShopifyEmulatorOptions options)
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<long, ShopifyEmulatorCheckout> _checkouts = [];
    private readonly Dictionary<long, ShopifyEmulatorLine> _catalog = [];
    private readonly List<ShopifyEmulatorDiscount> _discounts = [];
    private readonly List<ShopifyEmulatorWebhookSubscription> _subscriptions = [];
    private readonly List<ShopifyEmulatorAppSubscription> _appSubscriptions = [];
    private readonly List<ShopifyEmulatorStorefrontToken> _storefrontTokens = [];
    private readonly Dictionary<long, ShopifyEmulatorProduct> _products = [];
    private readonly List<ShopifyRecordedRequest> _requests = [];
    private readonly List<ShopifyDeliveredWebhook> _deliveries = [];
    private int _failuresLeft;
    private int _failureStatus;
    private int _throttlesLeft;
    private long _lastId = 1000;

    public ShopifyEmulatorOptions Options { get; } = options;

    /// <summary>The emulator's own address once it listens (for URLs it hands out, such as charge confirmations).</summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1/");

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    public long NextId()
    {
        lock (_gate)
        {
            return ++_lastId;
        }
    }

    public ShopifyEmulatorCheckout PutCheckout(ShopifyEmulatorCheckout checkout, bool mustExist)
    {
        var normalized = Normalize(checkout);
        lock (_gate)
        {
            if (mustExist != _checkouts.ContainsKey(checkout.Id))
            {
                throw new InvalidOperationException(mustExist
                    ? $"Checkout {checkout.Id} does not exist; add it first."
                    : $"Checkout {checkout.Id} already exists; use UpdateCheckout.");
            }

            _checkouts[checkout.Id] = normalized;
            return normalized;
        }
    }

    public ShopifyEmulatorCheckout ChangeCheckout(long id, Func<ShopifyEmulatorCheckout, ShopifyEmulatorCheckout> change)
    {
        lock (_gate)
        {
            if (!_checkouts.TryGetValue(id, out var current))
            {
                throw new InvalidOperationException($"Checkout {id} does not exist.");
            }

            return _checkouts[id] = Normalize(change(current));
        }
    }

    public bool RemoveCheckout(long id)
    {
        lock (_gate)
        {
            return _checkouts.Remove(id);
        }
    }

    public ShopifyEmulatorCheckout? FindCheckout(long id)
    {
        lock (_gate)
        {
            return _checkouts.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<ShopifyEmulatorCheckout> Checkouts() => Snapshot(_checkouts.Values);

    public void AddToCatalog(ShopifyEmulatorLine variant)
    {
        lock (_gate)
        {
            _catalog[variant.VariantId] = variant;
        }
    }

    public IReadOnlyList<ShopifyEmulatorLine> Catalog() => Snapshot(_catalog.Values);

    public void PutProduct(ShopifyEmulatorProduct product)
    {
        lock (_gate)
        {
            _products[product.Id] = product;
        }
    }

    public ShopifyEmulatorProduct? FindProduct(long id)
    {
        lock (_gate)
        {
            return _products.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<ShopifyEmulatorProduct> Products() => Snapshot(_products.Values);

    /// <summary>Adds the token unless the app already holds <paramref name="limit"/> of them.</summary>
    public bool TryAddStorefrontToken(ShopifyEmulatorStorefrontToken token, int limit)
    {
        lock (_gate)
        {
            if (_storefrontTokens.Count >= limit)
            {
                return false;
            }

            _storefrontTokens.Add(token);
            return true;
        }
    }

    public IReadOnlyList<ShopifyEmulatorStorefrontToken> StorefrontTokens() => Snapshot(_storefrontTokens);

    public void RemoveStorefrontTokens()
    {
        lock (_gate)
        {
            _storefrontTokens.Clear();
        }
    }

    /// <summary>Adds the discount unless its code is taken (codes are case-insensitive in Shopify).</summary>
    public bool TryAddDiscount(ShopifyEmulatorDiscount discount)
    {
        lock (_gate)
        {
            if (_discounts.Exists(d => string.Equals(d.Code, discount.Code, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            _discounts.Add(discount);
            return true;
        }
    }

    public IReadOnlyList<ShopifyEmulatorDiscount> Discounts() => Snapshot(_discounts);

    /// <summary>Adds the subscription unless the same topic already goes to the same address.</summary>
    public bool TryAddSubscription(ShopifyEmulatorWebhookSubscription subscription)
    {
        lock (_gate)
        {
            if (_subscriptions.Exists(s => s.Topic == subscription.Topic && s.Uri == subscription.Uri))
            {
                return false;
            }

            _subscriptions.Add(subscription);
            return true;
        }
    }

    public bool RemoveSubscription(string id)
    {
        lock (_gate)
        {
            return _subscriptions.RemoveAll(s => s.Id == id) > 0;
        }
    }

    public IReadOnlyList<ShopifyEmulatorWebhookSubscription> Subscriptions() => Snapshot(_subscriptions);

    public void Record(ShopifyRecordedRequest request) => Add(_requests, request);

    public IReadOnlyList<ShopifyRecordedRequest> Requests() => Snapshot(_requests);

    public void ClearRequests()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    public void Record(ShopifyDeliveredWebhook delivery) => Add(_deliveries, delivery);

    public IReadOnlyList<ShopifyDeliveredWebhook> Deliveries() => Snapshot(_deliveries);

    public void FailNext(int count, int statusCode)
    {
        lock (_gate)
        {
            (_failuresLeft, _failureStatus) = (count, statusCode);
        }
    }

    public int? TakeFailure()
    {
        lock (_gate)
        {
            return _failuresLeft > 0 && _failuresLeft-- > 0 ? _failureStatus : null;
        }
    }

    public void ThrottleNext(int count)
    {
        lock (_gate)
        {
            _throttlesLeft = count;
        }
    }

    public bool TakeThrottle()
    {
        lock (_gate)
        {
            return _throttlesLeft > 0 && _throttlesLeft-- > 0;
        }
    }

    /// <summary>A stable pseudo-random hex string, so tokens and recovery keys are the same in every run.</summary>
    public void AddAppSubscription(ShopifyEmulatorAppSubscription subscription) => Add(_appSubscriptions, subscription);

    public IReadOnlyList<ShopifyEmulatorAppSubscription> AppSubscriptions() => Snapshot(_appSubscriptions);

    /// <summary>Changes subscriptions under the state's lock (approval, usage, cancellation).</summary>
    public T ChangeAppSubscriptions<T>(Func<List<ShopifyEmulatorAppSubscription>, T> change)
    {
        lock (_gate)
        {
            return change(_appSubscriptions);
        }
    }

    public static string Hex(string seed, int length = 32) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..length];

    private ShopifyEmulatorCheckout Normalize(ShopifyEmulatorCheckout checkout)
    {
        // Shopify's DateTime scalar has whole seconds; storing them that way keeps filters and echoes consistent.
        var created = Seconds(checkout.CreatedAt != default ? checkout.CreatedAt : checkout.UpdatedAt != default ? checkout.UpdatedAt : Now);
        var currency = checkout.Currency ?? Options.Currency;
        return checkout with
        {
            Token = checkout.Token ?? Hex($"token:{checkout.Id}"),
            CartToken = checkout.CartToken ?? Hex($"cart:{checkout.Id}"),
            Currency = currency,
            PresentmentCurrency = checkout.PresentmentCurrency ?? currency,
            CustomerId = checkout.Guest ? null
                : checkout.CustomerId ?? (checkout.Email is null && checkout.Phone is null ? null : 7_000_000_000 + checkout.Id),
            CreatedAt = created,
            UpdatedAt = Seconds(checkout.UpdatedAt == default ? created : checkout.UpdatedAt),
            CompletedAt = checkout.CompletedAt is { } completed ? Seconds(completed) : null,
        };
    }

    private static DateTimeOffset Seconds(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
    }

    private void Add<T>(List<T> list, T item)
    {
        lock (_gate)
        {
            list.Add(item);
        }
    }

    private IReadOnlyList<T> Snapshot<T>(IEnumerable<T> source)
    {
        lock (_gate)
        {
            return [.. source];
        }
    }
}
