using Microsoft.Playwright;

namespace CartRecovery.Web.Tests.Pages;

/// <summary>
/// The base of tests sharing one <see cref="EditorSite"/>: each test's browser contexts are closed when it ends, so a
/// page left open (a live preview still fetching) cannot write to the output of a test that is over.
/// </summary>
public abstract class EditorPageTests(EditorSite editors) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    internal EditorSite Editors => editors;
    internal AppSite Site => editors.Site;

    internal async Task<IPage> SignInAsync(string email = AppSite.DemoOwner, string locale = "en-US")
    {
        var page = await Site.SignInAsync(email, locale);
        _contexts.Add(page.Context);
        return page;
    }

    internal void Track(IBrowserContext context) => _contexts.Add(context);

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.CloseAsync();
        GC.SuppressFinalize(this);
    }
}
