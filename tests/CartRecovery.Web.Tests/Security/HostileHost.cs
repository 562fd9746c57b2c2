using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using CartRecovery.Connectors.WooCommerce.Capture;
using CartRecovery.Connectors.WooCommerce.Connect;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Web.Tests.Security;

/// <summary>
/// The real host as a deployment runs it (Production environment, Kestrel on loopback, a SQLite file) with two
/// tenants' worth of data to aim at: the demo store with a cart, its message, a task, a sequence and a suppression,
/// a WooCommerce store (capture and signed webhooks) and a Shopify store standing for "another tenant".
/// </summary>
public sealed class HostileHost : IAsyncLifetime
{
    public const string ShopifySecret = "hostile-shopify-secret";
    public const string WooCommerceWebhookSecret = "hostile-woo-webhook-secret";
    public const string PostmarkUser = "hostile-postmark";
    public const string PostmarkPassword = "hostile-postmark-password";
    public const string OwnShopDomain = "hostile-own.myshopify.com";
    public const string SuppressedEmail = "blocked@example.com";
    public const string OwnerEmail = "owner@hostile-own.example";

    private readonly Dictionary<IPAddress, HttpClient> _clients = [];
    private int _sent;

    public CartRecoveryAppFactory App { get; private set; } = null!;
    public Uri BaseUrl { get; private set; } = null!;
    public DatabaseSnapshot Database { get; private set; } = null!;
    public HostileTargets Targets { get; private set; } = null!;
    internal ErrorLog Errors { get; } = new();
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        App = CartRecoveryAppFactory.StartOnLoopback(new Dictionary<string, string?>
        {
            // What ships: no developer exception page, model binding failures answered (not thrown) as in production.
            [WebHostDefaults.EnvironmentKey] = Environments.Production,
            ["Shopify:ClientId"] = "hostile-client",
            ["Shopify:ClientSecret"] = ShopifySecret,
            ["PostmarkWebhooks:Username"] = PostmarkUser,
            ["PostmarkWebhooks:Password"] = PostmarkPassword,
            // Thousands of refused requests: keep the log to what a person must see (errors).
            ["Logging:LogLevel:Default"] = "Error",
            // The outbound policy as it ships, but for plain http (the seeded demo store's restore links are http on
            // loopback, as with --demo): private networks stay refused.
            ["Outbound:AllowHttp"] = "true",
            ["Outbound:AllowPrivateNetworks"] = "false",
            // Attack the connect start's handler, not its per-address rate limit (tested on its own).
            ["WooCommerce:ConnectStartsPerMinute"] = "10000",
        }, services: s =>
        {
            s.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(() => new LoopbackOnlyHandler()));
            s.AddSingleton<ILoggerProvider>(Errors);
        });
        BaseUrl = App.BaseUrl;
        Assert.Equal(Environments.Production, App.Service<IHostEnvironment>().EnvironmentName);
        Targets = await SeedAsync();
        // A person who owns the first store's account, signed in: the web app's pages are attacked with their session.
        var accounts = App.Service<CartRecovery.Core.Accounts.IAccountRepository>();
        var person = await accounts.GetOrCreateUserByEmailAsync(OwnerEmail, App.Time.GetUtcNow(), Ct);
        await accounts.SetMembershipAsync(new CartRecovery.Core.Accounts.Membership
        {
            AccountId = Targets.OwnStore.AccountId!.Value, UserId = person.Id, Role = CartRecovery.Core.Accounts.AccountRole.Owner, CreatedAt = App.Time.GetUtcNow(),
        }, Ct);
        SessionCookie = await SignInAsync(OwnerEmail);
        Database = DatabaseSnapshot.Open(Path.Combine(App.DataDirectory, "cartrecovery.db"));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
            client.Dispose();
        Database?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>The session cookie (<c>cr_session=…</c>) of <see cref="OwnerEmail"/>, signed in at start.</summary>
    public string SessionCookie { get; private set; } = "";

    /// <summary>Signs the person in through a fresh email link over real HTTP; returns their session cookie as a Cookie header value.</summary>
    public async Task<string> SignInAsync(string email)
    {
        var (browser, cookie) = await SignInBrowserAsync(email);
        browser.Dispose();
        return cookie;
    }

    /// <summary>
    /// Signs the person in through a fresh email link over real HTTP; returns the browser (its own cookie jar, redirects
    /// not followed) and the session cookie as a Cookie header value.
    /// </summary>
    public async Task<(HttpClient Browser, string SessionCookie)> SignInBrowserAsync(string email)
    {
        var link = await App.Service<CartRecovery.Web.Features.SignIn.SignInLinks>().IssueAsync(email, "test", null, Ct);
        var jar = new CookieContainer();
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = jar, AllowAutoRedirect = false }) { BaseAddress = BaseUrl };
        using var response = await CartRecovery.Web.Tests.Features.SignIn.SignInDriver.UseLinkAsync(browser, link);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = jar.GetCookies(BaseUrl)[CartRecovery.Web.Features.SignIn.SessionCookie.Name] ?? throw new InvalidOperationException("No session cookie after sign-in.");
        return (browser, $"{cookie.Name}={cookie.Value}");
    }

    /// <summary>Every endpoint the app maps, from its own data source: a new endpoint is attacked without being named here.</summary>
    public IReadOnlyList<RouteEndpoint> Endpoints() =>
        App.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Sends from a rotating loopback source address (127.0.0.2, .3, …; 20 requests each), so the capture endpoint's
    /// per-visitor rate limit (30 a minute) does not turn every later attack into a shallow 429.
    /// </summary>
    /// <param name="ownConnection">
    /// A connection of its own, closed afterwards: for bodies the server may stop reading, after which Kestrel closes the
    /// connection and a pooled one would fail the next request.
    /// </param>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, bool ownConnection = false)
    {
        var source = IPAddress.Parse($"127.0.0.{2 + _sent++ / 20 % 250}");
        if (ownConnection)
        {
            using var once = NewClient(source);
            return await once.SendAsync(request, HttpCompletionOption.ResponseContentRead, Ct);
        }
        if (!_clients.TryGetValue(source, out var client))
            _clients[source] = client = NewClient(source);
        return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, Ct);
    }

    public async Task<HttpStatusCode> HealthAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        using var response = await SendAsync(request);
        return response.StatusCode;
    }

    private HttpClient NewClient(IPAddress source) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        // Header values are sent as the bytes given (the attacks include non-ASCII ones).
        RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8,
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(IPAddress.Loopback, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = BaseUrl,
        Timeout = TimeSpan.FromSeconds(60),
    };

    private async Task<HostileTargets> SeedAsync()
    {
        var stores = App.Service<IStoreRepository>();
        var drive = new RecoveryDriver(App);
        var demo = await App.DemoStoreAsync();

        // A cart of the demo store walked to its follow-up task: a cart, its messages, a task.
        const string cartRef = "chk-hostile";
        var (cart, task) = await drive.WalkDemoCartToTaskAsync(demo, cartRef);
        var message = (await App.Service<IMessageRepository>().ListForCartAsync(cart.Id, Ct))[0];

        var woo = await stores.UpsertAsync(new Store
        {
            Platform = Platforms.WooCommerce, ExternalId = "https://hostile-woo.example/", Name = "Hostile Woo",
            StorefrontUrl = "https://hostile-woo.example/", Currency = "EUR", SenderEmail = "shop@hostile-woo.example", SenderName = "Hostile Woo",
        }, Ct);
        await App.Service<IStoreCredentialRepository>().SaveAsync(new StoreCredentials
        {
            StoreId = woo.Id, AccessToken = "ck_hostile", UpdatedAt = App.Time.GetUtcNow(),
            Extra = new Dictionary<string, string>
            {
                [WooCommerceStoreConnections.ConsumerSecretKey] = "cs_hostile",
                [WooCommerceStoreConnections.WebhookSecretKey] = WooCommerceWebhookSecret,
            },
        }, Ct);
        // The exit question on, so hostile answers reach its validation rather than stop at "switched off".
        await App.Service<WooCommerceExitQuestion>().SetAsync(woo.Id, true, Ct);
        var other = await stores.UpsertAsync(new Store
        {
            Platform = Platforms.Shopify, ExternalId = OwnShopDomain, Name = "Other Tenant", StorefrontUrl = $"https://{OwnShopDomain}/",
            Currency = "USD", SenderEmail = "shop@other.example", SenderName = "Other Tenant",
        }, Ct);

        using var admin = new HttpClient { BaseAddress = BaseUrl };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", CartRecoveryAppFactory.AdminKey);
        var ownSequence = await CreateSequenceAsync(admin, demo.Id);
        var otherSequence = await CreateSequenceAsync(admin, other.Id);
        (await admin.PostAsJsonAsync($"/api/stores/{demo.Id}/suppressions", new { email = SuppressedEmail }, Ct)).EnsureSuccessStatusCode();

        var links = App.Service<LinkBuilder>();
        var now = App.Time.GetUtcNow();
        return new HostileTargets
        {
            OwnStore = (await stores.GetAsync(demo.Id, Ct))!,
            WooStore = (await stores.GetAsync(woo.Id, Ct))!,
            OtherStore = (await stores.GetAsync(other.Id, Ct))!,
            CartId = cart.Id,
            CartExternalId = cartRef,
            MessageId = message.Id,
            TaskId = task.Id,
            OwnSequenceId = ownSequence,
            OtherSequenceId = otherSequence,
            RestoreToken = TokenOf(links.Restore(message.Id, now)),
            UnsubscribeToken = TokenOf(links.Unsubscribe(message.Id, now)),
        };
    }

    private static async Task<long> CreateSequenceAsync(HttpClient admin, long storeId)
    {
        var created = await admin.PostAsJsonAsync($"/api/stores/{storeId}/sequences", new { preset = "hybrid", name = "hostile" }, Ct);
        created.EnsureSuccessStatusCode();
        using var json = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("id").GetInt64();
    }

    private static string TokenOf(string link) => link[(link.TrimEnd('/').LastIndexOf('/') + 1)..];
}
