using CartRecovery.Core.Email;
using Microsoft.Extensions.DependencyInjection;

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
