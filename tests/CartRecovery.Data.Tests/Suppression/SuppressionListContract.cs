namespace CartRecovery.Data.Tests.Suppression;

public abstract class SuppressionListContract : DatabaseContract
{
    [Fact]
    public async Task Suppress_ThenIsSuppressed_IgnoresCaseAndSurroundingSpaces()
    {
        var store = await AddStoreAsync();

        await Db.Suppressions.SuppressAsync(store.Id, " Ada@Example.COM ", "unsubscribed", T0, Ct);

        Assert.True(await Db.Suppressions.IsSuppressedAsync(store.Id, "ada@example.com", Ct));
        Assert.True(await Db.Suppressions.IsSuppressedAsync(store.Id, "ADA@EXAMPLE.COM  ", Ct));
        Assert.False(await Db.Suppressions.IsSuppressedAsync(store.Id, "bob@example.com", Ct));
        Assert.False(await Db.Suppressions.IsSuppressedAsync(store.Id, "  ", Ct));
    }

    [Fact]
    public async Task Suppress_WhenAlreadySuppressed_KeepsTheFirstReasonAndTime()
    {
        var store = await AddStoreAsync();
        await Db.Suppressions.SuppressAsync(store.Id, "Ada@Example.com", "unsubscribed", T0, Ct);

        await Db.Suppressions.SuppressAsync(store.Id, "ada@example.com", "hard bounce", T0.AddDays(1), Ct);

        var entry = Assert.Single(await Db.Suppressions.ListAsync(store.Id, Ct));
        Assert.Equal(new Core.Suppression.SuppressedAddress(store.Id, "Ada@Example.com", "unsubscribed", T0), entry);
    }

    [Fact]
    public async Task IsSuppressed_OnlyForTheStoreThatSuppressed()
    {
        var store = await AddStoreAsync("shop-1");
        var other = await AddStoreAsync("shop-2");

        await Db.Suppressions.SuppressAsync(store.Id, "ada@example.com", "unsubscribed", T0, Ct);

        Assert.False(await Db.Suppressions.IsSuppressedAsync(other.Id, "ada@example.com", Ct));
        Assert.Empty(await Db.Suppressions.ListAsync(other.Id, Ct));
    }

    [Fact]
    public async Task Suppress_WhenAddressIsBlank_Throws()
    {
        var store = await AddStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => Db.Suppressions.SuppressAsync(store.Id, " ", "unsubscribed", T0, Ct));
    }
}
