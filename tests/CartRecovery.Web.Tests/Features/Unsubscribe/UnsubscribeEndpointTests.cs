using System.Net;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Suppression;

namespace CartRecovery.Web.Tests.Features.Unsubscribe;

public sealed class UnsubscribeEndpointTests : IDisposable
{
    private readonly CartRecoveryAppFactory _app = new();
    private readonly RecoveryDriver _drive;

    public UnsubscribeEndpointTests() => _drive = new RecoveryDriver(_app);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Get_ShowsAConfirmationAndUnsubscribesNobody()
    {
        var store = await _app.DemoStoreAsync();
        var (_, email) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-get");

        var response = await _app.BrowserClient().GetAsync(RecoveryDriver.UnsubscribePath(email), _drive.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(_drive.Ct);
        Assert.Contains("a***@example.com", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ana@example.com", html, StringComparison.Ordinal);
        Assert.Contains("method=\"post\"", html, StringComparison.Ordinal);
        Assert.False(await _app.Service<ISuppressionList>().IsSuppressedAsync(store.Id, "ana@example.com", _drive.Ct));
    }

    [Fact]
    public async Task Post_WhenTheStoreUrlIsJavascript_RendersNoLinkToIt()
    {
        var store = await _app.DemoStoreAsync();
        var (_, email) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-js-home");
        // A row stored before home URLs were checked.
        await _app.Service<CartRecovery.Core.Stores.IStoreRepository>().UpsertAsync(store with { StorefrontUrl = "javascript:alert(document.domain)" }, _drive.Ct);

        var response = await _app.BrowserClient().PostAsync(RecoveryDriver.UnsubscribePath(email), null, _drive.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(_drive.Ct);
        Assert.Contains("unsubscribed", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneClickPost_SuppressesTheAddressAndCancelsPendingMessagesOfEveryCart()
    {
        var store = await _app.DemoStoreAsync();
        var (_, email) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-one");
        // The customer's newer cart replaces chk-one (which expires); unsubscribing from chk-one's email still reaches it.
        await _drive.ReportCartAsync(store, "chk-two", "ANA@example.com");
        _drive.Advance(TimeSpan.FromSeconds(11));
        await _drive.DetectAsync();

        // What a mail provider sends for RFC 8058 one-click unsubscribe.
        var response = await _app.BrowserClient().PostAsync(RecoveryDriver.UnsubscribePath(email),
            new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"), _drive.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await _app.Service<ISuppressionList>().IsSuppressedAsync(store.Id, "ana@example.com", _drive.Ct));
        Assert.Equal(CartStatus.Expired, (await _drive.CartAsync(store, "chk-one"))!.Status);
        var other = (await _drive.CartAsync(store, "chk-two"))!;
        Assert.All(await _app.Service<IMessageRepository>().ListForCartAsync(other.Id, _drive.Ct), m => Assert.Equal(MessageStatus.Cancelled, m.Status));

        var before = _app.PickedUpEmails().Length;
        _drive.Advance(TimeSpan.FromMinutes(10));
        await _drive.DispatchAsync();
        Assert.Equal(before, _app.PickedUpEmails().Length);
    }

    [Fact]
    public async Task Post_ClosesTheCartAndItsOpenFollowUpTask()
    {
        var store = await _app.DemoStoreAsync();
        var (cart, task) = await _drive.WalkDemoCartToTaskAsync(store, "chk-task");

        var response = await _app.BrowserClient().PostAsync(RecoveryDriver.UnsubscribePath(_drive.FirstEmailOf(cart)), null, _drive.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _drive.AssertOptedOutAsync(cart, task);
    }

    [Fact]
    public async Task Post_WhenTwice_IsStillFine()
    {
        var store = await _app.DemoStoreAsync();
        var (_, email) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-twice");
        var client = _app.BrowserClient();

        await client.PostAsync(RecoveryDriver.UnsubscribePath(email), null, _drive.Ct);
        var again = await client.PostAsync(RecoveryDriver.UnsubscribePath(email), null, _drive.Ct);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(await _app.Service<ISuppressionList>().ListAsync(store.Id, _drive.Ct));
    }

    [Fact]
    public async Task Post_WhenTheLinkIsOlderThanItsExpiry_StillUnsubscribes()
    {
        var store = await _app.DemoStoreAsync();
        var (_, email) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-old");
        _drive.Advance(TimeSpan.FromDays(400));

        var response = await _app.BrowserClient().PostAsync(RecoveryDriver.UnsubscribePath(email), null, _drive.Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await _app.Service<ISuppressionList>().IsSuppressedAsync(store.Id, "ana@example.com", _drive.Ct));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Request_WhenTokenIsForged_Shows404AndSuppressesNothing(string method)
    {
        var store = await _app.DemoStoreAsync();
        var (_, email) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-forged");
        var restoreToken = RecoveryDriver.RestorePath(email)[3..];

        var response = await _app.BrowserClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/u/{restoreToken}"), _drive.Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await _app.Service<ISuppressionList>().ListAsync(store.Id, _drive.Ct));
    }

    [Fact]
    public async Task Get_AfterUnsubscribing_SaysSoInsteadOfAskingAgain()
    {
        var store = await _app.DemoStoreAsync();
        var (_, email) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-again");
        var client = _app.BrowserClient();
        await client.PostAsync(RecoveryDriver.UnsubscribePath(email), null, _drive.Ct);

        var html = await client.GetStringAsync(RecoveryDriver.UnsubscribePath(email), _drive.Ct);

        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        Assert.Contains("unsubscribed", html, StringComparison.Ordinal);
        Assert.Contains("a***@example.com", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ForAFrenchRecipient_AsksInFrenchUnderTheShopsLogoAndColour()
    {
        var store = await _app.Service<CartRecovery.Core.Stores.IStoreRepository>().UpsertAsync(
            await _app.DemoStoreAsync() with { LogoUrl = "https://cdn.example/logo.png", BrandColor = "#AA3300" }, _drive.Ct);
        _drive.Locale = "fr-FR";
        var (_, email) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-fr");

        var response = await _app.BrowserClient().GetAsync(RecoveryDriver.UnsubscribePath(email), _drive.Ct);

        var html = await response.Content.ReadAsStringAsync(_drive.Ct);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("Me désabonner", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("<img class=\"logo\" src=\"https://cdn.example/logo.png\"", html, StringComparison.Ordinal);
        var brandCss = System.Text.RegularExpressions.Regex.Match(html, "<style>([^<]*#AA3300[^<]*)</style>").Groups[1].Value;
        Assert.NotEmpty(brandCss);
        // The brand's style block is allowed by its own hash, as the base one is: no 'unsafe-inline'.
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(brandCss)));
        Assert.Contains($"'sha256-{hash}'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
