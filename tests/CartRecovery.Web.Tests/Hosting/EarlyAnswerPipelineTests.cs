using System.Net;
using System.Security.Claims;
using System.Text;
using CartRecovery.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CartRecovery.Web.Tests.Hosting;

/// <summary>
/// Restore links and webhooks answer before the middleware for people and callers: they read no session, key or cookie
/// (issue 17), and a refusal is still problem+json for a program.
/// </summary>
public sealed class EarlyAnswerPipelineTests : IDisposable
{
    private readonly CountingAuthentication _authentications = new();
    private readonly CartRecoveryAppFactory _app;
    private readonly RecoveryDriver _drive;

    public EarlyAnswerPipelineTests()
    {
        _app = new CartRecoveryAppFactory(services: services =>
        {
            var original = services.Last(d => d.ServiceType == typeof(IAuthenticationService));
            services.RemoveAll<IAuthenticationService>();
            services.AddScoped<IAuthenticationService>(provider => new CountingAuthenticationService(
                (IAuthenticationService)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!), _authentications));
        });
        _drive = new RecoveryDriver(_app);
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Get_ARestoreLinkValidOrNot_RunsNoAuthenticationWhereOtherPathsDo()
    {
        var store = await _app.DemoStoreAsync();
        var (_, email) = await _drive.AbandonAndSendFirstStepAsync(store, "chk-lean");
        var browser = _app.BrowserClient();

        var followed = await browser.GetAsync(RecoveryDriver.RestorePath(email), _drive.Ct);
        var forged = await browser.GetAsync("/r/garbage", _drive.Ct);
        var shortForged = await browser.GetAsync("/s/garbage", _drive.Ct);

        Assert.Equal(HttpStatusCode.Redirect, followed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, shortForged.StatusCode);
        Assert.Equal(0, _authentications.Count);
        // The same host authenticates a request anywhere else: the count above can see one.
        await browser.GetAsync("/", _drive.Ct);
        Assert.True(_authentications.Count > 0);
    }

    [Theory]
    [InlineData("/webhooks/shopify")]
    [InlineData("/webhooks/woocommerce/1")]
    [InlineData("/webhooks/postmark")]
    public async Task Post_AForgedWebhook_IsRefusedAsProblemJsonWithoutAuthentication(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Shopify-Hmac-Sha256", "Zm9yZ2Vk");
        request.Headers.Add("X-Shopify-Shop-Domain", "forged.myshopify.com");
        request.Headers.Add("X-WC-Webhook-Signature", "Zm9yZ2Vk");

        var response = await _app.BrowserClient().SendAsync(request, _drive.Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, _authentications.Count);
    }

    [Fact]
    public void EveryWebhookOfTheHost_AnswersEarly_AndAsksForNoAuthorizationOrRateLimit()
    {
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var webhooks = endpoints.Where(e => e.RoutePattern.RawText!.StartsWith("/webhooks/", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, webhooks.Count);
        Assert.All(webhooks, w => Assert.True(EarlyAnswers.IsEarly(w), w.DisplayName));
        Assert.All(webhooks, w => Assert.DoesNotContain(w.Metadata, m => m is IAuthorizeData or EnableRateLimitingAttribute));
        // Pages and the operator API go down the whole pipeline.
        Assert.Contains(endpoints, e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal) && !EarlyAnswers.IsEarly(e));
    }

    private sealed class CountingAuthentication
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);
        public void Add() => Interlocked.Increment(ref _count);
    }

    private sealed class CountingAuthenticationService(IAuthenticationService inner, CountingAuthentication count) : IAuthenticationService
    {
        public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme)
        {
            count.Add();
            return inner.AuthenticateAsync(context, scheme);
        }

        public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => inner.ChallengeAsync(context, scheme, properties);
        public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => inner.ForbidAsync(context, scheme, properties);
        public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties) =>
            inner.SignInAsync(context, scheme, principal, properties);
        public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => inner.SignOutAsync(context, scheme, properties);
    }
}
