using System.Globalization;
using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Tests.Carts;

public sealed class TimelineTextsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static TimelineEntry Deferred => TimelineEntry.Of(TimelineCodes.StepDeferred, TimelineArg.Of(2), TimelineArg.Instant(Noon),
        TimelineArg.Of(TimelineEntry.Of(TimelineCodes.QuietHours, TimelineArg.Of("21:00"), TimelineArg.Of("08:00"), TimelineArg.Of("Europe/Paris"))));

    [Fact]
    public void English_OfANestedReason_WritesTheApisSentenceWithTheInstantInUtc() =>
        Assert.Equal("Step 2 waits until 2026-12-04 12:00:00Z: quiet hours 21:00-08:00 (Europe/Paris)", TimelineTexts.English(Deferred));

    [Fact]
    public void English_OfMoney_WritesItAsShopsDo() =>
        Assert.Equal("Cart captured: 1 line(s), €1,189.00",
            TimelineTexts.English(TimelineEntry.Of(TimelineCodes.Captured, TimelineArg.Of(1), TimelineArg.Money(118_900, "EUR"))));

    [Fact]
    public void Render_WithTranslatedWords_TranslatesEachLevel_AndFormatsInTheCultureAndZone()
    {
        var french = new Dictionary<string, string>
        {
            ["Step {0} waits until {1}: {2}"] = "L'étape {0} attend le {1} : {2}",
            ["quiet hours {0}-{1} ({2})"] = "heures calmes {0}-{1} ({2})",
            ["Cart captured: {0} line(s), {1}"] = "Panier enregistré : {0} ligne(s), {1}",
        };
        var culture = CultureInfo.GetCultureInfo("fr-FR");
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        string When(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, paris).ToString("g", culture);

        Assert.Equal("L'étape 2 attend le 04/12/2026 13:00 : heures calmes 21:00-08:00 (Europe/Paris)",
            TimelineTexts.Render(Deferred, w => french.GetValueOrDefault(w, w), culture, When));
        Assert.Equal("Panier enregistré : 1 ligne(s), 1\u202F189,00\u00A0€", TimelineTexts.Render(
            TimelineEntry.Of(TimelineCodes.Captured, TimelineArg.Of(1), TimelineArg.Money(118_900, "EUR")), w => french.GetValueOrDefault(w, w), culture, When));
    }

    [Fact]
    public void Render_OfAnUnknownCode_ShowsTheCodeAndArguments() =>
        Assert.Equal("written-later 3 x", TimelineTexts.English(TimelineEntry.Of("written-later", TimelineArg.Of(3), TimelineArg.Of("x"))));

    [Fact]
    public void FromJson_OfToJson_GivesTheSameEntry()
    {
        var json = Deferred.ToJson();

        Assert.Equal(Deferred, TimelineEntry.FromJson(json));
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.Null(TimelineEntry.FromJson(null));
    }

    [Fact]
    public void Words_CoverEveryCodeAndStatus_AndNothingElse()
    {
        var codes = typeof(TimelineCodes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var statuses = Enum.GetValues<CartStatus>().Select(s => TimelineCodes.Status(s).Code);
        var phoneProblems = CartRecovery.Core.Sms.MobileNumber.Problems.Select(p => TimelineCodes.PhoneProblem(p).Code);
        var leaveReasons = Enum.GetValues<CartRecovery.Core.Reasons.LeaveReason>().Select(r => TimelineCodes.Leave(r).Code);

        Assert.All(codes.Concat(statuses).Concat(phoneProblems).Concat(leaveReasons), code => Assert.True(TimelineTexts.Words.ContainsKey(code), $"{code} has no words"));
        Assert.Equal(codes.Count + Enum.GetValues<CartStatus>().Length + CartRecovery.Core.Sms.MobileNumber.Problems.Count
            + Enum.GetValues<CartRecovery.Core.Reasons.LeaveReason>().Length, TimelineTexts.Words.Count);
    }
}
