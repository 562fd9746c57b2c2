using CartRecovery.Core.Accounts;

namespace CartRecovery.Core.Tests.Accounts;

public sealed class SecretTokenTests
{
    [Fact]
    public void New_IsFortyThreeBase64UrlCharactersAndDifferentEachTime()
    {
        var a = SecretToken.New();
        var b = SecretToken.New();

        Assert.Equal(43, a.Length);
        Assert.NotEqual(a, b);
        Assert.NotNull(SecretToken.TryHash(a));
    }

    [Fact]
    public void TryHash_SameToken_GivesTheSameSha256()
    {
        var token = SecretToken.New();

        Assert.Equal(SecretToken.TryHash(token), SecretToken.Hash(token));
        Assert.Equal(32, SecretToken.Hash(token).Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/")]
    public void TryHash_AnythingNotShapedLikeOurTokens_IsNull(string? token) => Assert.Null(SecretToken.TryHash(token));
}
