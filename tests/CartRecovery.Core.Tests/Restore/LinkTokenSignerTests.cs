using CartRecovery.Core.Restore;
using CartRecovery.Testing;

namespace CartRecovery.Core.Tests.Restore;

public sealed class LinkTokenSignerTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly LinkTokenSigner _signer = new(Key);

    [Fact]
    public void Check_WhenTokenIsFresh_IsValidWithItsMessageId()
    {
        var token = _signer.Issue(TokenPurpose.Restore, 4242, TestData.Now.AddDays(1));

        Assert.Equal(new TokenCheck(TokenState.Valid, 4242), _signer.Check(token, TokenPurpose.Restore, TestData.Now));
    }

    [Fact]
    public void Check_WhenPastExpiry_IsExpiredButStillNamesTheMessage()
    {
        var token = _signer.Issue(TokenPurpose.Restore, 7, TestData.Now.AddDays(1));

        Assert.Equal(new TokenCheck(TokenState.Expired, 7), _signer.Check(token, TokenPurpose.Restore, TestData.Now.AddDays(1)));
    }

    [Fact]
    public void Check_WhenOneCharacterIsAltered_IsInvalid()
    {
        var token = _signer.Issue(TokenPurpose.Restore, 7, TestData.Now.AddDays(1));
        for (var i = 0; i < token.Length; i++)
        {
            var altered = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.Equal(TokenState.Invalid, _signer.Check(altered, TokenPurpose.Restore, TestData.Now).State);
        }
    }

    [Fact]
    public void Check_WhenTheLastCharacterIsReplacedByAnyOther_IsInvalidNeverAnException()
    {
        var token = _signer.Issue(TokenPurpose.Restore, 7, TestData.Now.AddDays(1));
        foreach (var c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".Where(c => c != token[^1]))
            Assert.Equal(TokenState.Invalid, _signer.Check(token[..^1] + c, TokenPurpose.Restore, TestData.Now).State);
    }

    [Fact]
    public void Check_WhenSignedWithAnotherKey_IsInvalid()
    {
        var forged = new LinkTokenSigner(Enumerable.Repeat((byte)9, 32).ToArray()).Issue(TokenPurpose.Restore, 7, TestData.Now.AddDays(1));

        Assert.Equal(TokenState.Invalid, _signer.Check(forged, TokenPurpose.Restore, TestData.Now).State);
    }

    [Fact]
    public void Check_WhenUsedForAnotherPurpose_IsInvalid()
    {
        var restore = _signer.Issue(TokenPurpose.Restore, 7, TestData.Now.AddDays(1));

        Assert.Equal(TokenState.Invalid, _signer.Check(restore, TokenPurpose.Unsubscribe, TestData.Now).State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("%%%%")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Check_WhenMalformed_IsInvalid(string? token) =>
        Assert.Equal(TokenCheck.Invalid, _signer.Check(token, TokenPurpose.Restore, TestData.Now));

    [Fact]
    public void Issue_ForDifferentMessages_GivesUrlSafeDistinctTokens()
    {
        var a = _signer.Issue(TokenPurpose.Restore, 1, TestData.Now);
        var b = _signer.Issue(TokenPurpose.Restore, 2, TestData.Now);

        Assert.NotEqual(a, b);
        Assert.All(a + b, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not URL-safe"));
    }

    [Fact]
    public void Constructor_WhenKeyIsShort_Throws() =>
        Assert.Throws<ArgumentException>(() => new LinkTokenSigner(new byte[16]));
}
