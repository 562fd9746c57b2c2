using CartRecovery.Core.Stores;
using CartRecovery.Testing;

namespace CartRecovery.Core.Tests.Stores;

public sealed class DisplayTextTests
{
    [Theory]
    [InlineData("Alpine\r\nBcc: x@example.com")]
    [InlineData("Alpine\0Team")]
    [InlineData("Alpine\tTeam")]
    [InlineData("Alpine\u0085Team")]
    [InlineData("Alpine\u2028Team")]
    [InlineData("Alpine\u202ETeam")]
    public void HasForbiddenCharacters_WhenTheNameHoldsControlOrLayoutCharacters_IsTrue(string name) =>
        Assert.True(DisplayText.HasForbiddenCharacters(name));

    [Theory]
    [InlineData("Alpine & Co.")]
    [InlineData("Café Crème — Annecy")]
    [InlineData("東京ストア 🍣")]
    public void HasForbiddenCharacters_WhenTheNameIsOneLineOfText_IsFalse(string name) =>
        Assert.False(DisplayText.HasForbiddenCharacters(name));

    [Fact]
    public void Store_WhenAPlatformReportsANameWithLineBreaks_KeepsItOnOneLine()
    {
        var store = TestData.Store() with { Name = "Alpine\r\nShop", SenderName = "Team\nBcc: x@example.com\r\n" };

        Assert.Equal(("Alpine  Shop", "Team Bcc: x@example.com"), (store.Name, store.SenderName));
    }
}
