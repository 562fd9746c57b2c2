using CartRecovery.Web.Features.SignIn;

namespace CartRecovery.Web.Tests.Features.SignIn;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/app")]
    [InlineData("/app?tab=stores")]
    [InlineData("/")]
    public void OrHome_APathOfThisApp_IsKept(string url) => Assert.Equal(url, LocalUrl.OrHome(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/app")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/app\r\nLocation: https://evil.example")]
    [InlineData("app")]
    public void OrHome_AnythingElse_IsHome(string? url) => Assert.Equal("/app", LocalUrl.OrHome(url));
}
