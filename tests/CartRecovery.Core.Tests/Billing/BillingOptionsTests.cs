using CartRecovery.Core.Billing;

namespace CartRecovery.Core.Tests.Billing;

public sealed class BillingOptionsTests
{
    private static BillingOptions Valid() => new()
    {
        Enabled = true,
        DefaultPlan = "Free",
        Plans = [new Plan { Name = "Free", IncludedEmails = 100 }, new Plan { Name = "Growth", MonthlyPrice = 29m, IncludedEmails = 1000, UsagePricePerEmail = 0.02m, UsageCap = 10m }],
    };

    [Fact]
    public void Problem_WhenOff_IsNoneWhateverThePlans() => Assert.Null(new BillingOptions { Plans = [new Plan()] }.Problem());

    [Fact]
    public void Problem_ForValidPlans_IsNone() => Assert.Null(Valid().Problem());

    [Fact]
    public void Problem_WhenTheDefaultPlanIsUnknown_NamesIt()
    {
        var options = Valid();
        options.DefaultPlan = "Gold";

        Assert.Contains("'Gold'", options.Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_WhenAUsagePriceHasNoCap_SaysTheyGoTogether()
    {
        var options = Valid();
        options.Plans[1].UsageCap = 0;

        Assert.Contains("go together", options.Problem(), StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_WhenAPlanIsDefinedTwice_NamesIt()
    {
        var options = Valid();
        options.Plans.Add(new Plan { Name = "free", IncludedEmails = 5 });

        Assert.Contains("defined twice", options.Problem(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(999, 0)]
    [InlineData(1100, 2)]
    [InlineData(100000, 10)]
    public void UsageCharge_BeyondTheIncludedEmails_IsPricedPerEmailUpToTheCap(long sent, decimal charge) =>
        Assert.Equal(charge, Valid().Plans[1].UsageCharge(sent));
}
