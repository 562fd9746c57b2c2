using CartRecovery.Core.Sequences;

namespace CartRecovery.Core.Tests.Sequences;

public sealed class SequenceValidatorTests
{
    private static readonly string[] Templates = ["reminder", "offer"];

    private static SequenceStep Email(int number, double hours, string template = "reminder") =>
        new(number, TimeSpan.FromHours(hours), StepKind.Email, template);

    private static Dictionary<string, string[]> Validate(SequenceDefinition definition, IReadOnlyCollection<string>? smsTemplates = null) =>
        SequenceValidator.Validate(definition, Templates, smsTemplates).ToDictionary(e => e.Key, e => e.Value.Select(r => r.Api).ToArray());

    [Fact]
    public void Validate_AVariantTestedHybridSequence_IsValid()
    {
        var definition = new SequenceDefinition("VIP", [
            Email(1, 1) with { Variants = [new("a"), new("b", Subject: "Still thinking, {{ customer.first_name }}?")] },
            Email(2, 24, "offer") with { Offer = new OfferSpec(OfferKind.FreeShipping, 0, TimeSpan.FromHours(48)) },
            new SequenceStep(3, TimeSpan.FromHours(48), StepKind.FollowUpTask, "follow-up"),
        ])
        { Conditions = new SequenceConditions { MinCartValueMinor = 0, MaxCartValueMinor = 100, Countries = ["FR"], Locales = ["fr-CA"] } };

        Assert.Empty(Validate(definition));
    }

    [Fact]
    public void Validate_NamesEachBrokenFieldByItsPath()
    {
        var definition = new SequenceDefinition("", [
            Email(1, 2) with { Offer = new OfferSpec(OfferKind.Percentage, 150, TimeSpan.FromHours(1)) },
            Email(2, 1, "nope") with { Variants = [new("A"), new("b", Template: "nope")] },
            new SequenceStep(3, TimeSpan.FromHours(3), StepKind.FollowUpTask, "follow-up") { Variants = [new("a"), new("b")] },
        ])
        { Conditions = new SequenceConditions { MinCartValueMinor = 10, MaxCartValueMinor = 5, Countries = ["France"], Locales = ["French!"] } };

        var errors = Validate(definition);

        Assert.Equal(
        [
            "conditions.countries[0]", "conditions.locales[0]", "conditions.maxCartValueMinor", "name", "steps[0].offer.value",
            "steps[1].delaySeconds", "steps[1].template", "steps[1].variants[0].key", "steps[1].variants[1].template", "steps[2].variants",
        ], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("must be one of reminder, offer", errors["steps[1].template"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(OfferRules.MaxFixedAmountMinor + 1)]
    [InlineData(0L)]
    public void Validate_FixedAmountOutsideItsBounds_IsRefused(long value)
    {
        var errors = Validate(new SequenceDefinition("x", [Email(1, 1, "offer") with { Offer = new OfferSpec(OfferKind.FixedAmount, value, TimeSpan.FromHours(48)) }]));

        Assert.Equal(["steps[0].offer.value"], errors.Keys);
    }

    [Fact]
    public void Validate_FixedAmountAtItsBound_IsValid() =>
        Assert.Empty(Validate(new SequenceDefinition("x",
            [Email(1, 1, "offer") with { Offer = new OfferSpec(OfferKind.FixedAmount, OfferRules.MaxFixedAmountMinor, TimeSpan.FromHours(48)) }])));

    [Fact]
    public void Validate_OneVariantOrDuplicateKeys_AreRefused()
    {
        var errors = Validate(new SequenceDefinition("x", [Email(1, 1) with { Variants = [new("a")] }]));
        Assert.Contains("steps[0].variants", errors.Keys);

        errors = Validate(new SequenceDefinition("x", [Email(1, 1) with { Variants = [new("a"), new("a")] }]));
        Assert.Contains("must be unique", Assert.Single(errors["steps[0].variants[1].key"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_VariantWaitsInsideTheirStepsOrder_AreValid() =>
        Assert.Empty(Validate(new SequenceDefinition("x", [
            Email(1, 1) with { Variants = [new("a"), new("b", Delay: TimeSpan.FromHours(4))] },
            Email(2, 5) with { Variants = [new("a", Delay: TimeSpan.FromHours(24)), new("b")] },
        ])));

    [Fact]
    public void Validate_AWaitNotAfterEveryWaitOfTheStepBefore_IsRefusedWhereItIs()
    {
        // Step 1's variant b waits 4 hours: step 2 at 3 hours, or its variant at 4 hours, would overtake it.
        var errors = Validate(new SequenceDefinition("x", [
            Email(1, 1) with { Variants = [new("a"), new("b", Delay: TimeSpan.FromHours(4))] },
            Email(2, 3) with { Variants = [new("a", Delay: TimeSpan.FromHours(4)), new("b", Delay: TimeSpan.FromHours(6))] },
        ]));

        Assert.Equal(["steps[1].delaySeconds", "steps[1].variants[0].delaySeconds"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(SequenceRuleTexts.DelayOrder, Assert.Single(SequenceValidator.Validate(new SequenceDefinition("x", [
            Email(1, 1) with { Variants = [new("a"), new("b", Delay: TimeSpan.FromHours(4))] }, Email(2, 3)]), Templates)["steps[1].delaySeconds"]).Code);
    }

    [Fact]
    public void Validate_AVariantWaitOutOfRange_IsRefused() =>
        Assert.Contains("steps[0].variants[1].delaySeconds",
            Validate(new SequenceDefinition("x", [Email(1, 1) with { Variants = [new("a"), new("b", Delay: TimeSpan.FromDays(31))] }])).Keys);

    [Fact]
    public void Validate_NoStepsOrTooLongDelays_AreRefused()
    {
        Assert.Contains("steps", Validate(new SequenceDefinition("x", [])).Keys);
        Assert.Contains("steps[0].delaySeconds", Validate(new SequenceDefinition("x", [Email(1, 24 * 31)])).Keys);
    }

    [Fact]
    public void Validate_AnSmsStepWithAKnownTemplate_IsValid()
    {
        var definition = new SequenceDefinition("texts", [Email(1, 1), new(2, TimeSpan.FromHours(2), StepKind.Sms, "sms-reminder")]);

        Assert.Empty(Validate(definition, ["sms-reminder"]));
    }

    [Fact]
    public void Validate_AnSmsStepWithAnEmailTemplateOrAnOffer_NamesBothFields()
    {
        var definition = new SequenceDefinition("texts", [
            new(1, TimeSpan.FromHours(2), StepKind.Sms, "reminder", new OfferSpec(OfferKind.FreeShipping, 0, TimeSpan.FromHours(48))),
        ]);

        var errors = Validate(definition, ["sms-reminder"]);

        Assert.Equal(["steps[0].template must be one of sms-reminder"], errors["steps[0].template"]);
        Assert.Equal(["steps[0].offer is only for email steps"], errors["steps[0].offer"]);
    }

    [Fact]
    public void Validate_AnSmsStepWhereTextsAreNotSetUp_IsRefused()
    {
        var definition = new SequenceDefinition("texts", [new(1, TimeSpan.FromHours(2), StepKind.Sms, "sms-reminder")]);

        Assert.Contains("steps[0].channel", Validate(definition).Keys);
    }

    [Fact]
    public void Validate_ABrokenRule_CarriesItsCodeAndArguments()
    {
        var errors = SequenceValidator.Validate(new SequenceDefinition(new string('x', 101), [Email(1, 1, "nope")]), Templates);

        var name = Assert.Single(errors["name"]);
        Assert.Equal(SequenceRuleTexts.Name, name.Code);
        Assert.Equal([SequenceValidator.MaxNameLength], name.Args);
        var template = Assert.Single(errors["steps[0].template"]);
        Assert.Equal(SequenceRuleTexts.Template, template.Code);
        Assert.Equal(["reminder, offer"], template.Args);
        Assert.Equal("steps[0].template must be one of reminder, offer", template.Api);
    }

    [Fact]
    public void Words_EveryCode_HasEnglishWordsWithItsArguments()
    {
        var codes = typeof(SequenceRuleTexts).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(codes.Order(StringComparer.Ordinal), SequenceRuleTexts.Words.Keys.Order(StringComparer.Ordinal));
    }
}
