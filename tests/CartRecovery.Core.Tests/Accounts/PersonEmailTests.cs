using CartRecovery.Core.Accounts;

namespace CartRecovery.Core.Tests.Accounts;

/// <summary>The one email rule the API, the sign-in pages and WooCommerce's connect share.</summary>
public sealed class PersonEmailTests
{
    [Theory]
    [InlineData("owner@shop.example", true)]
    [InlineData("  owner@shop.example ", true)]
    [InlineData("Owner <owner@shop.example>", false)]
    [InlineData("owner", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_TakesOnePlainAddressOnly(string? value, bool expected) => Assert.Equal(expected, PersonEmail.IsValid(value));

    [Fact]
    public void IsValid_AboveTwoHundredFiftyFourCharacters_IsFalse() =>
        Assert.False(PersonEmail.IsValid(new string('a', 243) + "@shop.example"));

    [Fact]
    public void Normalize_TrimsAndLowersTheAddress() => Assert.Equal("owner@shop.example", PersonEmail.Normalize("  Owner@Shop.Example "));
}
