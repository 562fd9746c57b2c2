using CartRecovery.Core.Accounts;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;
using CartRecovery.Web.Features.SignIn;
using CartRecovery.Web.Tests.Browser;
using Microsoft.Playwright;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Web.Tests.Pages;

/// <summary>
/// The web app as a person meets it: the real host on loopback HTTP (the demo store seeded), Debian's Chromium, and
/// people signed in through a real email link. Page tests arrange data through the app's own services, then drive the
/// pages as a merchant would.
/// </summary>
internal sealed class AppSite : IAsyncDisposable
{
    private AppSite(CartRecoveryAppFactory app, Uri baseUrl, HeadlessChromium chromium)
    {
        App = app;
        BaseUrl = baseUrl;
        Chromium = chromium;
    }

    public CartRecoveryAppFactory App { get; }
    public Uri BaseUrl { get; }
    public HeadlessChromium Chromium { get; }
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Starts the host with the demo on (its store and owner seeded; the clock stands still unless advanced).</summary>
    public static async Task<AppSite> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var time = new FakeTimeProvider(TestData.Now);
        var app = CartRecoveryAppFactory.StartOnLoopback(settings, time, demo: true);
        HeadlessChromium? chromium = null;
        try
        {
            chromium = await HeadlessChromium.LaunchAsync();
            return new AppSite(app, app.BaseUrl, chromium);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Billing on with a plan of no emails: the demo store is over it from the start, so every page shows the plan banner.</summary>
    public static IReadOnlyDictionary<string, string?> OverItsPlan { get; } = new Dictionary<string, string?>
    {
        ["Billing:Enabled"] = "true",
        ["Billing:DefaultPlan"] = "Empty",
        ["Billing:Plans:0:Name"] = "Empty",
        ["Billing:Plans:0:IncludedEmails"] = "0",
    };

    public string Url(string path) => new Uri(BaseUrl, path).AbsoluteUri;

    /// <summary>A plain HTTP client on the site: its own cookies, redirects not followed (for what a browser test can't see).</summary>
    public HttpClient Http() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = BaseUrl };

    /// <summary>The demo store (seeded at start).</summary>
    public async Task<Store> DemoStoreAsync() =>
        (await App.Service<IStoreRepository>().ListAsync(Ct)).Single(s => s.Platform == Platforms.Demo);

    /// <summary>The demo store's owner (seeded at start).</summary>
    public const string DemoOwner = CartRecovery.Web.Hosting.StartupTasks.DemoOwnerEmail;

    /// <summary>A person with the role in the account (created when missing).</summary>
    public async Task<User> PersonAsync(string email, long accountId, AccountRole role, IReadOnlyList<long>? storeIds = null)
    {
        var accounts = App.Service<IAccountRepository>();
        var now = App.Time.GetUtcNow();
        var user = await accounts.GetOrCreateUserByEmailAsync(email, now, Ct);
        Assert.Equal(MembershipChange.Done, await accounts.SetMembershipAsync(
            new Membership { AccountId = accountId, UserId = user.Id, Role = role, StoreIds = storeIds, CreatedAt = now }, Ct));
        return user;
    }

    /// <summary>
    /// A browser page signed in as the person through a fresh email link (the page a merchant gets from the email),
    /// in its own context with the browser language <paramref name="locale"/>; it ends on <c>/app</c>.
    /// </summary>
    public async Task<IPage> SignInAsync(string email = DemoOwner, string locale = "en-US")
    {
        var link = await App.Service<SignInLinks>().IssueAsync(email, "test", null, Ct);
        var context = await Chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = locale });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var output = TestContext.Current.TestOutputHelper;
        page.Console += (_, message) => output?.WriteLine($"[browser {message.Type}] {message.Text}");
        await page.GotoAsync(link.AbsoluteUri);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(Url("app"));
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await App.DisposeAsync();
    }
}
