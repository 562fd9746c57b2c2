using CartRecovery.Core.Billing;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Hosting;

/// <summary>Fails start-up with the setting at fault when a plan is wrong (a merchant must never meet a broken plan).</summary>
internal sealed class BillingOptionsValidator : IValidateOptions<BillingOptions>
{
    public ValidateOptionsResult Validate(string? name, BillingOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
