using CartRecovery.Web.Features.SignIn;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Web.Tests.Features.SignIn;

public sealed class PageLanguageTests
{
    [Theory]
    [InlineData("fr-FR,fr;q=0.9,en;q=0.8", "fr")]
    [InlineData("de-DE,fr;q=0.7,en;q=0.9", "en")]
    [InlineData("de-CH, de;q=0.9, fr-CH;q=0.8", "fr")]
    [InlineData("en-GB", "en")]
    [InlineData("", "en")]
    [InlineData("x;;;=", "en")]
    public void Of_TheBrowsersPreferences_PicksTheFirstWeWrite(string header, string expected)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.AcceptLanguage = header;

        Assert.Equal(expected, PageLanguage.Of(http.Request));
    }
}
