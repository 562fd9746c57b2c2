using System.Net;
using CartRecovery.Web.Features.SignIn;
using CartRecovery.Web.Tests.Features.SignIn;

namespace CartRecovery.Web.Tests.Pages;

/// <summary>A plain HTTP client on the site signed in through a fresh email link, for what a browser test can't send (forged or token-less forms).</summary>
internal static class SignedInHttp
{
    public static async Task<HttpClient> SignedInHttpAsync(this AppSite site, string email)
    {
        ArgumentNullException.ThrowIfNull(site);
        var link = await site.App.Service<SignInLinks>().IssueAsync(email, "test", null, AppSite.Ct);
        var browser = site.Http();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.UseLinkAsync(link)).StatusCode);
        return browser;
    }
}
