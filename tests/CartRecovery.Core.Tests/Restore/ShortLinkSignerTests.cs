using CartRecovery.Testing;
using CartRecovery.Core.Restore;

namespace CartRecovery.Core.Tests.Restore;

public sealed class ShortLinkSignerTests
{
    private static readonly DateTimeOffset Now = TestData.Now;
    private readonly ShortLinkSigner _signer = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void Check_WhenTheCodeIsAsIssued_ReturnsItsMessage()
    {
        var code = _signer.Issue(7, 123456, Now.AddDays(30));

        Assert.Equal(ShortLinkSigner.CodeLength, code.Length);
        Assert.Equal(new TokenCheck(TokenState.Valid, 123456), _signer.Check(code, 7, Now));
        Assert.StartsWith(ShortLinkSigner.IdPrefix(123456), code, StringComparison.Ordinal);
        Assert.Equal(123456, ShortLinkSigner.MessageIdOf(code));
    }

    [Fact]
    public void Check_AfterTheExpiry_SaysExpired()
    {
        var code = _signer.Issue(7, 42, Now.AddHours(2));

        Assert.Equal(TokenState.Valid, _signer.Check(code, 7, Now.AddHours(1)).State);
        Assert.Equal(TokenState.Expired, _signer.Check(code, 7, Now.AddHours(3)).State);
    }

    [Fact]
    public void Check_WithAnotherStore_IsInvalid()
    {
        var code = _signer.Issue(7, 42, Now.AddDays(1));

        Assert.Equal(TokenState.Invalid, _signer.Check(code, 8, Now).State);
    }

    [Fact]
    public void Check_WhenAnyCharacterIsChanged_IsInvalid()
    {
        var code = _signer.Issue(7, 42, Now.AddDays(1));
        for (var i = 0; i < code.Length; i++)
        {
            var tampered = code[..i] + (code[i] == 'A' ? 'B' : 'A') + code[(i + 1)..];
            Assert.Equal(TokenState.Invalid, _signer.Check(tampered, 7, Now).State);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("!!!!!!!!!!!!!!!!!!!!!!!!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Check_WhenTheCodeIsMalformed_IsInvalid(string? code)
    {
        Assert.Equal(TokenState.Invalid, _signer.Check(code, 7, Now).State);
        Assert.Null(ShortLinkSigner.MessageIdOf(code));
    }

    [Fact]
    public void Issue_WithAnotherKey_GivesACodeThisSignerRefuses()
    {
        var other = new ShortLinkSigner(new byte[32]);

        Assert.Equal(TokenState.Invalid, _signer.Check(other.Issue(7, 42, Now.AddDays(1)), 7, Now).State);
    }
}
