using CartRecovery.Core.Sms;

namespace CartRecovery.Core.Tests.Sms;

public sealed class MobileNumberTests
{
    [Theory]
    [InlineData("06 12 34 56 78", "FR", "+33612345678")]
    [InlineData("06.12.34.56.78", "FR", "+33612345678")]
    [InlineData("0033 6 12 34 56 78", "FR", "+33612345678")]
    [InlineData("+33 6 12 34 56 78", "US", "+33612345678")]   // an international prefix wins over the region
    [InlineData("07 81 23 45 67", "fr", "+33781234567")]
    [InlineData("0470 12 34 56", "BE", "+32470123456")]
    [InlineData("07911 123456", "GB", "+447911123456")]
    [InlineData("(201) 555-0123", "US", "+12015550123")]       // US numbers are fixed line or mobile: textable
    [InlineData("0151 12345678", "DE", "+4915112345678")]
    public void Parse_UsableNumber_IsE164ReadInTheDefaultRegion(string given, string region, string e164)
    {
        var number = MobileNumber.Parse(given, region);

        Assert.Equal(new MobileNumber(e164, null), number);
        Assert.True(number.CanBeTexted);
    }

    [Fact]
    public void Parse_SameNationalNumberInAnotherRegion_IsAnotherNumber()
    {
        // "0470…" is a Belgian mobile; read as French it is not a valid number at all.
        Assert.Equal("+32470123456", MobileNumber.Parse("0470123456", "BE").E164);
        Assert.False(MobileNumber.Parse("0470123456", "FR").CanBeTexted);
    }

    [Theory]
    [InlineData(null, "FR", "no phone number")]
    [InlineData("  ", "FR", "no phone number")]
    [InlineData("call me", "FR", "not a phone number")]
    [InlineData("612345678", null, "not a phone number")]        // no prefix and no region to read it in
    [InlineData("06 12 34", "FR", "not a valid phone number")]
    [InlineData("01 42 68 53 00", "FR", "not a mobile number")] // a Paris landline cannot receive texts
    [InlineData("0800 123 456", "FR", "not a mobile number")]   // toll free
    public void Parse_UnusableNumber_IsNeverTextedAndSaysWhy(string? given, string? region, string problem)
    {
        var number = MobileNumber.Parse(given, region);

        Assert.Null(number.E164);
        Assert.False(number.CanBeTexted);
        Assert.Equal(problem, number.Problem);
    }

    [Fact]
    public void TimeZoneOf_FrenchMobile_IsParis()
    {
        Assert.Equal("Europe/Paris", MobileNumber.TimeZoneOf("+33612345678")?.Id);
        Assert.Equal("Europe/Brussels", MobileNumber.TimeZoneOf("+32470123456")?.Id);
    }

    [Fact]
    public void CountryOf_E164_IsTheNumbersCountry()
    {
        Assert.Equal("FR", MobileNumber.CountryOf("+33612345678"));
        Assert.Equal("BE", MobileNumber.CountryOf("+32470123456"));
        Assert.Null(MobileNumber.CountryOf("not a number"));
    }
}
