using CartRecovery.Core.Carts;
using CartRecovery.Core.Sms;

namespace CartRecovery.Core.Tests.Sms;

public sealed class SmsSettingsTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData(SmsConsentRule.OptedInOnly, true, true)]
    [InlineData(SmsConsentRule.OptedInOnly, false, false)]
    [InlineData(SmsConsentRule.OptedInOnly, null, false)]
    [InlineData(SmsConsentRule.DeclaredByMerchant, true, true)]
    [InlineData(SmsConsentRule.DeclaredByMerchant, null, true)]
    [InlineData(SmsConsentRule.DeclaredByMerchant, false, false)]
    public void Allows_FollowsTheSmsConsentOnly(SmsConsentRule rule, bool? acceptsSms, bool allowed)
    {
        var settings = new SmsSettings { Consent = rule };

        Assert.Equal(allowed, settings.Allows(new CartContact(Phone: "+33612345678", AcceptsSms: acceptsSms)));
    }

    [Fact]
    public void Allows_EmailConsentAlone_IsNotSmsConsent()
    {
        var contact = new CartContact("a@example.com", "+33612345678", AcceptsMarketing: true);

        Assert.False(SmsSettings.Default.Allows(contact));
    }

    [Fact]
    public void NumberOf_NationalNumber_IsReadWithTheStoreCountryBeforeTheCartCountry()
    {
        var belgianAddress = new CartContact(Phone: "06 12 34 56 78", Country: "BE");

        Assert.Equal("+33612345678", new SmsSettings { Country = "FR" }.NumberOf(belgianAddress).E164);
        Assert.False(SmsSettings.Default.NumberOf(belgianAddress).CanBeTexted);
        Assert.Equal("+33612345678", SmsSettings.Default.NumberOf(belgianAddress with { Country = "FR" }).E164);
    }

    [Fact]
    public void NextSendingTime_FrenchCustomerOfAnAmericanStore_FollowsTheCustomersClockAndHolidays()
    {
        // Monday 6 April 2026, 14:00 UTC: 10:00 in New York, but Easter Monday in France: Tuesday 08:00 in Paris.
        var now = new DateTimeOffset(2026, 4, 6, 14, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 4, 7, 6, 0, 0, TimeSpan.Zero), SmsSettings.Default.NextSendingTime(now, "+33612345678", NewYork));
        Assert.Equal(now, SmsSettings.Default.NextSendingTime(now, "+12015550123", NewYork));
    }

    [Fact]
    public void Problems_DefaultSettings_HasNone()
    {
        Assert.Empty(SmsSettings.Default.Problems());
    }

    [Fact]
    public void Problems_BadFields_NameEachField()
    {
        var settings = new SmsSettings
        {
            Enabled = true,
            Country = "France",
            Window = new SmsSendingWindow(new TimeOnly(7, 0), new TimeOnly(20, 0)),
            MaxParts = 0,
            MessagingServiceSid = "PN123",
        };

        Assert.Equal(["country", "window", "maxParts", "messagingServiceSid"], settings.Problems().Select(p => p.Field));
        Assert.Equal(["fromNumber"], (SmsSettings.Default with { Enabled = true }).Problems().Select(p => p.Field));
    }
}
