using CartRecovery.Core.Sms;

namespace CartRecovery.Core.Tests.Sms;

public sealed class PublicHolidaysTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]   // the latest possible date
    [InlineData(2285, 3, 22)]   // the earliest possible date
    public void EasterSunday_KnownYears_MatchesTheCalendar(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), PublicHolidays.EasterSunday(year));
    }

    [Fact]
    public void In_France2026_HasTheElevenLegalHolidaysWithEasterBasedOnesMoved()
    {
        DateOnly[] expected =
        [
            new(2026, 1, 1), new(2026, 4, 6), new(2026, 5, 1), new(2026, 5, 8), new(2026, 5, 14), new(2026, 5, 25),
            new(2026, 7, 14), new(2026, 8, 15), new(2026, 11, 1), new(2026, 11, 11), new(2026, 12, 25),
        ];

        Assert.Equal(expected, PublicHolidays.For("FR").In(2026));
    }

    [Theory]
    [InlineData(2027, 3, 29, true)]    // Easter Monday
    [InlineData(2027, 5, 6, true)]     // Ascension Thursday
    [InlineData(2027, 5, 17, true)]    // Whit Monday
    [InlineData(2027, 3, 26, false)]   // Good Friday: Alsace-Moselle only
    [InlineData(2027, 12, 26, false)]  // Saint Stephen: Alsace-Moselle only
    [InlineData(2027, 7, 13, false)]
    public void IsHoliday_France_FollowsEasterEachYear(int year, int month, int day, bool holiday)
    {
        Assert.Equal(holiday, PublicHolidays.For("fr").IsHoliday(new DateOnly(year, month, day)));
    }

    [Fact]
    public void For_CountryWithoutData_HasNoHolidays()
    {
        Assert.False(PublicHolidays.Knows("ZZ"));
        Assert.False(PublicHolidays.Knows(null));
        Assert.Empty(PublicHolidays.For("ZZ").In(2026));
        Assert.Same(PublicHolidays.None, PublicHolidays.For(null));
    }
}
