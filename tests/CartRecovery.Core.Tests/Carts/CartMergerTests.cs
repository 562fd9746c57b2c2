using CartRecovery.Core.Carts;
using CartRecovery.Testing;

namespace CartRecovery.Core.Tests.Carts;

public sealed class CartMergerTests
{
    private static readonly DateTimeOffset Now = TestData.Now.AddHours(1);

    [Fact]
    public void Merge_WhenNoCartExists_CreatesItFromTheSnapshot()
    {
        var result = CartMerger.Merge(null, Sample.Snapshot(TestData.Now), Now);

        Assert.Equal(MergeOutcome.Created, result.Outcome);
        Assert.Equal(CartStatus.Active, result.Cart.Status);
        Assert.Equal("ana@example.com", result.Cart.Contact.Email);
        Assert.Equal(14500, result.Cart.TotalMinor);
    }

    [Fact]
    public void Merge_WhenSameSnapshotArrivesTwice_IsUnchanged()
    {
        var snapshot = Sample.Snapshot(TestData.Now);
        var first = CartMerger.Merge(null, snapshot, Now).Cart;

        var second = CartMerger.Merge(first, snapshot, Now.AddMinutes(1));

        Assert.Equal(MergeOutcome.Unchanged, second.Outcome);
        Assert.Same(first, second.Cart);
    }

    [Fact]
    public void Merge_WhenNewerSnapshotArrives_ReplacesContents()
    {
        var cart = CartMerger.Merge(null, Sample.Snapshot(TestData.Now), Now).Cart;
        var newer = Sample.Snapshot(TestData.Now.AddMinutes(5), "ana@example.com", Sample.Line(), Sample.Line("Beanie", 2, 2900));

        var result = CartMerger.Merge(cart, newer, Now);

        Assert.Equal(MergeOutcome.Updated, result.Outcome);
        Assert.Equal(2, result.Cart.Lines.Count);
        Assert.Equal(14500 + 5800, result.Cart.TotalMinor);
        Assert.Equal(TestData.Now.AddMinutes(5), result.Cart.PlatformUpdatedAt);
    }

    [Fact]
    public void Merge_WhenOlderSnapshotArrivesLate_KeepsNewerContents()
    {
        var newer = Sample.Snapshot(TestData.Now.AddMinutes(5), "ana@example.com", Sample.Line("Beanie", 2, 2900));
        var cart = CartMerger.Merge(null, newer, Now).Cart;

        var result = CartMerger.Merge(cart, Sample.Snapshot(TestData.Now), Now);

        Assert.Equal(MergeOutcome.Unchanged, result.Outcome);
        Assert.Equal("Beanie", Assert.Single(result.Cart.Lines).Title);
        Assert.Equal(TestData.Now.AddMinutes(5), result.Cart.PlatformUpdatedAt);
    }

    [Fact]
    public void Merge_WhenNewerSnapshotLacksEmail_KeepsTheKnownEmail()
    {
        var cart = CartMerger.Merge(null, Sample.Snapshot(TestData.Now), Now).Cart;

        var result = CartMerger.Merge(cart, Sample.Snapshot(TestData.Now.AddMinutes(1), email: null), Now);

        Assert.Equal(MergeOutcome.Updated, result.Outcome);
        Assert.Equal("ana@example.com", result.Cart.Contact.Email);
    }

    [Fact]
    public void Merge_WhenOlderSnapshotKnowsMissingEmail_FillsTheGapOnly()
    {
        var cart = CartMerger.Merge(null, Sample.Snapshot(TestData.Now.AddMinutes(5), email: null, Sample.Line("Beanie", 1, 2900)), Now).Cart;

        var result = CartMerger.Merge(cart, Sample.Snapshot(TestData.Now, "late@example.com"), Now);

        Assert.Equal(MergeOutcome.FilledGaps, result.Outcome);
        Assert.Equal("late@example.com", result.Cart.Contact.Email);
        Assert.Equal("Beanie", Assert.Single(result.Cart.Lines).Title);
    }

    [Fact]
    public void Merge_WhenCartIsAbandoned_NeverChangesItsStatus()
    {
        var cart = CartMerger.Merge(null, Sample.Snapshot(TestData.Now), Now).Cart with { Status = CartStatus.Recovered };

        var result = CartMerger.Merge(cart, Sample.Snapshot(TestData.Now.AddMinutes(9)), Now);

        Assert.Equal(CartStatus.Recovered, result.Cart.Status);
    }

    [Fact]
    public void Merge_WhenSnapshotIsForAnotherCart_Throws()
    {
        var cart = CartMerger.Merge(null, Sample.Snapshot(TestData.Now), Now).Cart;

        Assert.Throws<ArgumentException>(() => CartMerger.Merge(cart, Sample.Snapshot(TestData.Now) with { ExternalId = "other" }, Now));
    }

    [Fact]
    public void Merge_WhenSnapshotsCarryDifferentRefs_KeepsEveryIdentifier()
    {
        var cart = CartMerger.Merge(null, Sample.Snapshot(TestData.Now) with { PlatformRefs = new Dictionary<string, string> { ["token"] = "t1" } }, Now).Cart;

        var result = CartMerger.Merge(cart, Sample.Snapshot(TestData.Now.AddMinutes(1)) with { PlatformRefs = new Dictionary<string, string> { ["id"] = "9" } }, Now);

        Assert.Equal(new Dictionary<string, string> { ["token"] = "t1", ["id"] = "9" }, result.Cart.PlatformRefs);
    }

    [Fact]
    public void Merge_WhenAStaleSnapshotRepeatsKnownRefs_IsUnchanged()
    {
        var refs = new Dictionary<string, string> { ["token"] = "t1", ["id"] = "9" };
        var cart = CartMerger.Merge(null, Sample.Snapshot(TestData.Now.AddMinutes(1)) with { PlatformRefs = refs }, Now).Cart;

        var result = CartMerger.Merge(cart, Sample.Snapshot(TestData.Now.AddMinutes(1)) with { PlatformRefs = new Dictionary<string, string> { ["id"] = "9" } }, Now);

        Assert.Equal(MergeOutcome.Unchanged, result.Outcome);
    }

    [Fact]
    public void Merge_WhenAStaleSnapshotKnowsANewRef_FillsItIn()
    {
        var cart = CartMerger.Merge(null, Sample.Snapshot(TestData.Now.AddMinutes(1)) with { PlatformRefs = new Dictionary<string, string> { ["token"] = "t1" } }, Now).Cart;

        var result = CartMerger.Merge(cart, Sample.Snapshot(TestData.Now.AddMinutes(1)) with { PlatformRefs = new Dictionary<string, string> { ["cart_token"] = "c1" } }, Now);

        Assert.Equal(MergeOutcome.FilledGaps, result.Outcome);
        Assert.Equal("c1", result.Cart.PlatformRefs["cart_token"]);
    }
}
