using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>
/// The calculated-query-cost leaky bucket of shopify.dev "GraphQL Admin API rate limits" and api/usage/limits
/// "The leaky bucket algorithm": the bucket holds <c>maximumAvailable</c> points, refills continuously at
/// <c>restoreRate</c> per second, a query is refused (THROTTLED) when its requested cost exceeds what is
/// available, otherwise the requested cost is taken up front and the unused part refunded after execution, so the
/// net charge is the actual cost. The clock is the emulator's TimeProvider, so a FakeTimeProvider makes refills
/// deterministic.
/// </summary>
internal sealed class ShopifyCostBucket(int maximumAvailable, int restoreRate, TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _available = maximumAvailable;
    private DateTimeOffset _updatedAt = time.GetUtcNow();

    /// <summary>Takes <paramref name="requested"/> points, or returns false and takes nothing.</summary>
    public bool TryTake(int requested)
    {
        lock (_gate)
        {
            Refill();
            if (requested > _available)
            {
                return false;
            }

            _available -= requested;
            return true;
        }
    }

    public void Refund(int points)
    {
        lock (_gate)
        {
            Refill();
            _available = Math.Min(maximumAvailable, _available + points);
        }
    }

    /// <summary>extensions.cost as Shopify returns it; actualQueryCost is null when nothing ran (throttled).</summary>
    public JsonObject Extension(int requested, int? actual)
    {
        lock (_gate)
        {
            Refill();
            return new JsonObject
            {
                ["cost"] = new JsonObject
                {
                    ["requestedQueryCost"] = requested,
                    ["actualQueryCost"] = actual,
                    ["throttleStatus"] = new JsonObject
                    {
                        ["maximumAvailable"] = ShopifyJson.Float(maximumAvailable),
                        ["currentlyAvailable"] = (int)Math.Floor(_available),
                        ["restoreRate"] = ShopifyJson.Float(restoreRate),
                    },
                },
            };
        }
    }

    private void Refill()
    {
        var now = time.GetUtcNow();
        var elapsed = (now - _updatedAt).TotalSeconds;
        if (elapsed > 0)
        {
            _available = Math.Min(maximumAvailable, _available + (elapsed * restoreRate));
        }

        _updatedAt = now;
    }
}
