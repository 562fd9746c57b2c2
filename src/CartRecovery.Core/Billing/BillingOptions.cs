namespace CartRecovery.Core.Billing;

/// <summary>
/// Plans and billing (section <c>Billing</c>). Off by default: a self-hosted deployment sends without limits. When on,
/// every store is on a plan; Shopify stores approve theirs through Shopify's Billing API, other stores get a monthly
/// usage statement to invoice from.
/// </summary>
public sealed class BillingOptions
{
    public const string Section = "Billing";

    public bool Enabled { get; set; }

    /// <summary>ISO 4217 code of every plan price (Shopify bills apps in the partner's currency, usually USD).</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>The plan a store is on until someone chooses another (it must be one of <see cref="Plans"/>).</summary>
    public string DefaultPlan { get; set; } = "";

    public List<Plan> Plans { get; set; } = [];

    /// <summary>Marks every Shopify charge as a test (development deployments); development stores always get test charges.</summary>
    public bool TestCharges { get; set; }

    public Plan? Find(string? name) => Plans.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>What is wrong with the settings, or null: checked at start so a bad plan never reaches a merchant.</summary>
    public string? Problem()
    {
        if (!Enabled)
            return null;
        if (Plans.Count == 0)
            return "Billing:Plans must hold at least one plan when Billing:Enabled is true";
        if (Currency.Length != 3 || !Currency.All(char.IsAsciiLetterUpper))
            return "Billing:Currency must be an ISO 4217 code such as USD";
        foreach (var plan in Plans)
        {
            if (string.IsNullOrWhiteSpace(plan.Name) || plan.Name.Length > 100)
                return "every Billing:Plans entry needs a Name of 1 to 100 characters";
            if (plan.TrialDays is < 0 or > 365 || plan.MonthlyPrice < 0 || plan.IncludedEmails < 0 || plan.UsagePricePerEmail < 0 || plan.UsageCap < 0)
                return $"Billing plan '{plan.Name}': TrialDays must be 0-365 and prices and counts 0 or more";
            if ((plan.UsagePricePerEmail > 0) != (plan.UsageCap > 0))
                return $"Billing plan '{plan.Name}': UsagePricePerEmail and UsageCap go together (both set, or both 0)";
        }
        if (Plans.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return $"Billing plan '{twice.Key}' is defined twice";
        return Find(DefaultPlan) is null ? $"Billing:DefaultPlan '{DefaultPlan}' is not one of Billing:Plans" : null;
    }
}
