using System.Net;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Restore;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Tests.Features.Restore;

public sealed class RestoreEndpointTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private readonly RecoveryDriver _drive;

    public RestoreEndpointTests() => _drive = new RecoveryDriver(_app);

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/r/garbage")]
    [InlineData("/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/r/%3Cscript%3E")]
    [InlineData("/r/" + "x")]
    public async Task Get_WhenTokenIsInvalid_ShowsAFriendly404Page(string path)
    {
        var response = await _app.BrowserClient().GetAsync(path, _drive.Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(_drive.Ct);
        Assert.Contains("couldn't find that cart", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WhenTokenWasAltered_Shows404AndRecordsNoClick()
    {
        var store = await _app.DemoStoreAsync();
        var (cart, email) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-alter");
        var path = RecoveryDriver.RestorePath(email);
        var altered = path[..^1] + (path[^1] == 'A' ? 'B' : 'A');

        var response = await _app.BrowserClient().GetAsync(altered, _drive.Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var timeline = await _app.Service<ICartRepository>().GetTimelineAsync(cart.Id, _drive.Ct);
        Assert.DoesNotContain(timeline, e => e.Kind == CartEventKinds.Clicked);
    }

    [Fact]
    public async Task Get_WhenTokenExpired_Shows410WithALinkToTheStore()
    {
        var store = await _app.DemoStoreAsync();
        var (_, email) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-expired");
        _drive.Advance(TimeSpan.FromDays(31));

        var response = await _app.BrowserClient().GetAsync(RecoveryDriver.RestorePath(email), _drive.Ct);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("href=\"http://localhost/demo/\"", await response.Content.ReadAsStringAsync(_drive.Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/cart")]
    [InlineData("javascript:alert(document.domain)")]
    [InlineData("http://localhost.evil.example/demo/cart/x")]
    public async Task Get_WhenThePlatformsWayBackLeavesTheStoresOwnHost_ShowsAPageAndDoesNotRedirect(string restoreUrl)
    {
        var store = await _app.DemoStoreAsync();
        var (_, email) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-foreign", restoreUrl: restoreUrl);

        var response = await _app.BrowserClient().GetAsync(RecoveryDriver.RestorePath(email), _drive.Ct);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var html = await response.Content.ReadAsStringAsync(_drive.Ct);
        Assert.Contains("couldn't open your cart", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost/demo/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WhenTheWayBackIsOnTheStoresOwnHost_Redirects()
    {
        var store = await _app.DemoStoreAsync();
        var (_, email) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-own");

        var response = await _app.BrowserClient().GetAsync(RecoveryDriver.RestorePath(email), _drive.Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/demo/cart/chk-own", response.Headers.Location!.AbsoluteUri);
    }

    [Fact]
    public async Task Get_WhenTokenExpiredAndTheStoreUrlIsJavascript_RendersNoLinkToIt()
    {
        var store = await _app.DemoStoreAsync();
        var (_, email) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-js-home");
        // A row stored before home URLs were checked.
        await _app.Service<IStoreRepository>().UpsertAsync(store with { StorefrontUrl = "javascript:alert(document.domain)" }, _drive.Ct);
        _drive.Advance(TimeSpan.FromDays(31));

        var response = await _app.BrowserClient().GetAsync(RecoveryDriver.RestorePath(email), _drive.Ct);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(_drive.Ct);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WhenMessageDoesNotExist_Shows404()
    {
        var token = _app.Service<LinkTokenSigner>().Issue(TokenPurpose.Restore, 987654, _app.Time.GetUtcNow().AddDays(1));

        var response = await _app.BrowserClient().GetAsync($"/r/{token}", _drive.Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_WhenUnsubscribeTokenIsUsedAsRestore_Shows404()
    {
        var store = await _app.DemoStoreAsync();
        var (_, email) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-purpose");
        var unsubscribeToken = RecoveryDriver.UnsubscribePath(email)[3..];

        var response = await _app.BrowserClient().GetAsync($"/r/{unsubscribeToken}", _drive.Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_WhenCartAlreadyConverted_SendsTheCustomerToTheStore()
    {
        var store = await _app.DemoStoreAsync();
        var (_, email) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-done");
        await _drive.PlaceDemoOrderAsync(_app.BrowserClient(), "chk-done");

        var response = await _app.BrowserClient().GetAsync(RecoveryDriver.RestorePath(email), _drive.Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/demo/", response.Headers.Location?.AbsoluteUri);
    }
}
