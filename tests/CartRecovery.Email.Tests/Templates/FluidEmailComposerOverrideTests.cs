using CartRecovery.Core.Email;
using CartRecovery.Email.Templates;
using CartRecovery.Email.Templates.Limits;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartRecovery.Email.Tests.Templates;

public sealed class FluidEmailComposerOverrideTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly TemplateCatalog Catalog = TemplateCatalog.FromEmbeddedResources();
    private readonly FakeTemplateRepository _store = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ComposeAsync_UsesTheStoresOverriddenPartsAndTheBuiltInOthers()
    {
        var model = EmailTestData.Model();
        _store.Templates.Add(new StoreTemplate(model.Store.Id, "reminder", "en", "subject", "Own subject for {{ customer.first_name }}", T0));
        _store.Templates.Add(new StoreTemplate(model.Store.Id + 1, "reminder", "en", "html", "<p>another store</p>", T0));

        var email = await Composer().ComposeAsync(model, Ct);

        Assert.StartsWith("Own subject for ", email.Subject, StringComparison.Ordinal);
        // The layouts print the subject, so the bodies are the built-in ones with the new subject in them.
        Assert.Contains("You left something behind", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("You left something behind", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("another store", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_WhenAStoredOverrideDoesNotParse_SendsTheBuiltInPart()
    {
        var model = EmailTestData.Model();
        _store.Templates.Add(new StoreTemplate(model.Store.Id, "reminder", "en", "html", "{% if %}", T0));

        var email = await Composer().ComposeAsync(model, Ct);

        Assert.Equal((await new FluidEmailComposer(Catalog).ComposeAsync(model, Ct)).HtmlBody, email.HtmlBody);
    }

    public static TheoryData<string, string> OverLimitParts() => new()
    {
        { "html", string.Concat(Enumerable.Repeat("{%if 1%}", 2000)) + string.Concat(Enumerable.Repeat("{%endif%}", 2000)) },
        { "subject", "{% assign s = 'ab' %}" + string.Concat(Enumerable.Repeat("{% assign s = s | append: s %}", 25)) + "{{ s }}" },
    };

    [Theory]
    [MemberData(nameof(OverLimitParts))]
    public async Task ComposeAsync_WhenAStoredOverrideBreaksALimit_FailsNamingThePartInsteadOfSendingAnything(string part, string source)
    {
        // As an older version without the limits could have saved it: straight into the store, past the API.
        var model = EmailTestData.Model();
        _store.Templates.Add(new StoreTemplate(model.Store.Id, "reminder", "en", part, source, T0));

        var error = await Assert.ThrowsAsync<TemplateLimitException>(() => Composer().ComposeAsync(model, Ct));

        Assert.Contains($"Store {model.Store.Id}'s own", error.Message, StringComparison.Ordinal);
        Assert.Contains("breaks a limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComposeAsync_AfterTheOverrideChanges_RendersTheNewSource()
    {
        var model = EmailTestData.Model();
        var composer = Composer();
        _store.Templates.Add(new StoreTemplate(model.Store.Id, "reminder", "en", "subject", "First", T0));
        Assert.Equal("First", (await composer.ComposeAsync(model, Ct)).Subject);

        _store.Templates[0] = _store.Templates[0] with { Source = "Second", UpdatedAt = T0.AddMinutes(1) };

        Assert.Equal("Second", (await composer.ComposeAsync(model, Ct)).Subject);
    }

    private FluidEmailComposer Composer() => new(Catalog, _store, NullLogger<FluidEmailComposer>.Instance);

    private sealed class FakeTemplateRepository : ITemplateRepository
    {
        public List<StoreTemplate> Templates { get; } = [];

        public Task<IReadOnlyList<StoreTemplate>> ListAsync(long storeId, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<StoreTemplate>>(Templates.Where(t => t.StoreId == storeId).ToList());

        public Task SaveAsync(StoreTemplate storeTemplate, CancellationToken ct) => throw new NotSupportedException();

        public Task<bool> DeleteAsync(long storeId, string name, string locale, string part, CancellationToken ct) => throw new NotSupportedException();
    }
}
