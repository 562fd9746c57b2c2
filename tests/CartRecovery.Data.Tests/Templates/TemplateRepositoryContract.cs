using CartRecovery.Core.Email;
using CartRecovery.Data.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Data.Tests.Templates;

/// <summary>A store's template overrides: one row per (store, name, locale, part), listed and removed one at a time.</summary>
public abstract class TemplateRepositoryContract : DatabaseContract
{
    private ITemplateRepository Templates => Db.Services.GetRequiredService<ITemplateRepository>();

    [Fact]
    public async Task Save_TwiceForTheSamePart_KeepsOneRowWithTheLastSource()
    {
        var store = await AddStoreAsync();
        await Templates.SaveAsync(new StoreTemplate(store.Id, "reminder", "en", "subject", "First {{ store.name }}", Now), Ct);
        await Templates.SaveAsync(new StoreTemplate(store.Id, "reminder", "en", "subject", "Second {{ store.name }}", Now.AddMinutes(1)), Ct);

        var saved = Assert.Single(await Templates.ListAsync(store.Id, Ct));
        Assert.Equal(new StoreTemplate(store.Id, "reminder", "en", "subject", "Second {{ store.name }}", Now.AddMinutes(1)), saved);
        Assert.Equal(1L, await Db.ScalarAsync<long>("SELECT COUNT(*) FROM store_templates"));
    }

    [Fact]
    public async Task List_IsRememberedForAFewSecondsButShowsItsOwnSavesAndDeletesAtOnce()
    {
        var clock = new FakeTimeProvider(Now);
        var templates = new TemplateRepository(Db.Connections, Db.Dialect, clock);
        var store = await AddStoreAsync();
        await templates.SaveAsync(new StoreTemplate(store.Id, "reminder", "en", "subject", "Mine", Now), Ct);
        Assert.Equal("Mine", Assert.Single(await templates.ListAsync(store.Id, Ct)).Source);

        // A change made elsewhere (another node) shows once the list is no longer remembered ...
        await Db.ExecuteAsync("UPDATE store_templates SET source = 'Elsewhere' WHERE store_id = @Id", new { store.Id });
        var remembered = Assert.Single(await templates.ListAsync(store.Id, Ct)).Source;
        clock.Advance(TemplateRepository.RecentFor);
        var reread = Assert.Single(await templates.ListAsync(store.Id, Ct)).Source;
        // ... its own saves and deletes at once.
        await templates.SaveAsync(new StoreTemplate(store.Id, "reminder", "en", "subject", "Saved", Now), Ct);
        var afterSave = Assert.Single(await templates.ListAsync(store.Id, Ct)).Source;
        await templates.DeleteAsync(store.Id, "reminder", "en", "subject", Ct);

        Assert.Equal(("Mine", "Elsewhere", "Saved"), (remembered, reread, afterSave));
        Assert.Empty(await templates.ListAsync(store.Id, Ct));
    }

    [Fact]
    public async Task List_GivesOnlyThatStoresOverridesInOrder()
    {
        var store = await AddStoreAsync();
        var other = await AddStoreAsync("shop-2");
        await Templates.SaveAsync(new StoreTemplate(store.Id, "reminder", "fr", "text", "b", Now), Ct);
        await Templates.SaveAsync(new StoreTemplate(store.Id, "offer", "en", "html", "a", Now), Ct);
        await Templates.SaveAsync(new StoreTemplate(other.Id, "offer", "en", "html", "other", Now), Ct);

        Assert.Equal(["offer/en/html", "reminder/fr/text"], (await Templates.ListAsync(store.Id, Ct)).Select(t => $"{t.Name}/{t.Locale}/{t.Part}"));
        Assert.Equal("other", Assert.Single(await Templates.ListAsync(other.Id, Ct)).Source);
    }

    [Fact]
    public async Task Delete_RemovesThatPartOnceAndLeavesTheOthers()
    {
        var store = await AddStoreAsync();
        await Templates.SaveAsync(new StoreTemplate(store.Id, "offer", "en", "html", "a", Now), Ct);
        await Templates.SaveAsync(new StoreTemplate(store.Id, "offer", "en", "text", "b", Now), Ct);

        Assert.True(await Templates.DeleteAsync(store.Id, "offer", "en", "html", Ct));
        Assert.False(await Templates.DeleteAsync(store.Id, "offer", "en", "html", Ct));
        Assert.Equal("text", Assert.Single(await Templates.ListAsync(store.Id, Ct)).Part);
    }
}
