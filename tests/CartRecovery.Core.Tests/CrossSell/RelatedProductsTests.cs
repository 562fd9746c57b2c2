using CartRecovery.Testing;
using CartRecovery.Core.Carts;
using CartRecovery.Core.CrossSell;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Core.Tests.CrossSell;

public sealed class RelatedProductsTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider _time = new(TestData.Now);
    private readonly Catalogue _catalogue = new();

    [Fact]
    public async Task ForCart_SuggestsRelatedProducts_DearestLineFirst_WithoutTheCartsOwnOrRepeats()
    {
        _catalogue.Related["boots"] = [Product("socks"), Product("laces"), Product("jacket")];
        _catalogue.Related["jacket"] = [Product("hat"), Product("socks")];
        var cart = CartOf(("boots", 14_500), ("jacket", 20_000));

        var suggested = await new RelatedProducts([_catalogue], _time).ForCartAsync(TestData.Store(), cart, 3, Budget, TestContext.Current.CancellationToken);

        Assert.Equal(["hat", "socks", "laces"], suggested.Select(p => p.ProductId));
    }

    [Fact]
    public async Task ForCart_AskedAgain_AnswersFromTheCacheUntilItIsSixHoursOld()
    {
        _catalogue.Related["boots"] = [Product("socks")];
        var related = new RelatedProducts([_catalogue], _time);
        var ct = TestContext.Current.CancellationToken;

        await related.ForCartAsync(TestData.Store(), CartOf(("boots", 100)), 4, Budget, ct);
        _time.Advance(RelatedProducts.FreshFor - TimeSpan.FromSeconds(1));
        await related.ForCartAsync(TestData.Store(), CartOf(("boots", 100)), 4, Budget, ct);
        Assert.Equal(1, _catalogue.Calls);

        _time.Advance(TimeSpan.FromSeconds(1));
        await related.ForCartAsync(TestData.Store(), CartOf(("boots", 100)), 4, Budget, ct);
        Assert.Equal(2, _catalogue.Calls);
    }

    [Fact]
    public async Task ForCart_WhenTheCatalogueHangs_GivesUpAtTheDeadline_AndAsksAgainNextTime()
    {
        _catalogue.Hang = true;
        var related = new RelatedProducts([_catalogue], _time);

        var pending = related.ForCartAsync(TestData.Store(), CartOf(("boots", 100)), 4, Budget, TestContext.Current.CancellationToken);
        Assert.False(pending.IsCompleted);
        _time.Advance(Budget);

        // The real-time bound only keeps a broken deadline from hanging the run; the fake clock decides.
        Assert.Empty(await pending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Equal(0, related.CachedCount);
    }

    [Fact]
    public async Task ForCart_WhenTheCatalogueFails_SuggestsNothing_AndDoesNotAskAgainForFiveMinutes()
    {
        _catalogue.Fail = true;
        var related = new RelatedProducts([_catalogue], _time);
        var ct = TestContext.Current.CancellationToken;

        Assert.Empty(await related.ForCartAsync(TestData.Store(), CartOf(("boots", 100)), 4, Budget, ct));
        await related.ForCartAsync(TestData.Store(), CartOf(("boots", 100)), 4, Budget, ct);
        Assert.Equal(1, _catalogue.Calls);

        _time.Advance(RelatedProducts.FailureRememberedFor);
        await related.ForCartAsync(TestData.Store(), CartOf(("boots", 100)), 4, Budget, ct);
        Assert.Equal(2, _catalogue.Calls);
    }

    [Fact]
    public async Task ForCart_WithNoTimeLeft_StillUsesWhatIsCached_AndAsksNothing()
    {
        _catalogue.Related["boots"] = [Product("socks")];
        var related = new RelatedProducts([_catalogue], _time);
        var ct = TestContext.Current.CancellationToken;
        await related.ForCartAsync(TestData.Store(), CartOf(("boots", 100)), 4, Budget, ct);

        var cached = await related.ForCartAsync(TestData.Store(), CartOf(("boots", 100), ("belt", 50)), 4, TimeSpan.Zero, ct);

        Assert.Equal(["socks"], cached.Select(p => p.ProductId));
        Assert.Equal(1, _catalogue.Calls);
    }

    [Fact]
    public async Task ForCart_ManyProducts_KeepsTheCacheWithinItsCapacity_DroppingTheLeastRecentlyUsed()
    {
        var related = new RelatedProducts([_catalogue], _time, capacity: 3);
        var ct = TestContext.Current.CancellationToken;
        foreach (var product in new[] { "a", "b", "c" })
            await related.ForCartAsync(TestData.Store(), CartOf((product, 100)), 4, Budget, ct);
        await related.ForCartAsync(TestData.Store(), CartOf(("a", 100)), 4, Budget, ct);

        await related.ForCartAsync(TestData.Store(), CartOf(("d", 100)), 4, Budget, ct);
        await related.ForCartAsync(TestData.Store(), CartOf(("a", 100)), 4, Budget, ct);
        Assert.Equal(4, _catalogue.Calls);
        await related.ForCartAsync(TestData.Store(), CartOf(("b", 100)), 4, Budget, ct);

        Assert.Equal(3, related.CachedCount);
        Assert.Equal(5, _catalogue.Calls);
    }

    [Fact]
    public async Task ForCart_OfAnotherStore_DoesNotShareTheFirstStoresAnswers()
    {
        _catalogue.Related["boots"] = [Product("socks")];
        var related = new RelatedProducts([_catalogue], _time);
        var ct = TestContext.Current.CancellationToken;

        await related.ForCartAsync(TestData.Store(1), CartOf(("boots", 100)), 4, Budget, ct);
        await related.ForCartAsync(TestData.Store(2), CartOf(("boots", 100)), 4, Budget, ct);

        Assert.Equal(2, _catalogue.Calls);
    }

    private static RelatedProduct Product(string id) => new(id, id, 1_000, "EUR", $"https://shop.example/{id}");

    private static Cart CartOf(params (string Product, long Price)[] lines) =>
        Sample.Cart() with { Lines = lines.Select(l => Sample.Line(l.Product, 1, l.Price) with { ProductId = l.Product }).ToList() };

    private sealed class Catalogue : IRelatedProductSource
    {
        public string Platform => TestData.Store().Platform;
        public Dictionary<string, IReadOnlyList<RelatedProduct>> Related { get; } = [];
        public bool Hang { get; set; }
        public bool Fail { get; set; }
        public int Calls { get; private set; }

        public Task<IReadOnlyList<RelatedProduct>> GetAsync(Store store, string productId, CancellationToken ct)
        {
            Calls++;
            if (Hang)
                return new TaskCompletionSource<IReadOnlyList<RelatedProduct>>().Task;
            if (Fail)
                throw new HttpRequestException("catalogue down");
            return Task.FromResult(Related.TryGetValue(productId, out var products) ? products : (IReadOnlyList<RelatedProduct>)[]);
        }
    }
}
