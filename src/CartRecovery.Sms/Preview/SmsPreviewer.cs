using CartRecovery.Core.Sms;
using Microsoft.Extensions.Options;

namespace CartRecovery.Sms.Preview;

/// <summary>A text as it would go out, measured: what the API's preview and a sequence's validation show.</summary>
public sealed record SmsPreview(string Text, SmsBudget Budget, SmsPrice EstimatedCost);

/// <summary>Renders a text step for a cart without sending it, and measures it (<see cref="SmsBudget"/>).</summary>
public sealed class SmsPreviewer(ISmsComposer composer, IOptions<SmsOptions> options)
{
    public IReadOnlyCollection<string> Names => composer.Names;

    public async Task<SmsPreview> PreviewAsync(SmsModel model, CancellationToken ct)
    {
        var text = await composer.ComposeAsync(model, ct);
        var budget = SmsBudget.Measure(text);
        return new(text, budget, budget.Cost(new SmsPrice(options.Value.PricePerPartMinor, options.Value.PriceCurrency)));
    }
}
