using System.Globalization;
using CartRecovery.Core.Email;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;
using CartRecovery.Sms;
using CartRecovery.Sms.Preview;
using CartRecovery.Sms.Templates;
using Microsoft.Extensions.Options;
using CartRecovery.Web.Features.Admin;

namespace CartRecovery.Web.Features.Sequences;

/// <summary>
/// What a text step sends to the store's sample cart, and whether it fits the store's part limit
/// (<see cref="SmsSettings.MaxParts"/>) with the shop's name, the short link and the opt-out mention counted: one
/// rule for the API's validation, the API's preview and the editor.
/// </summary>
internal sealed class SmsStepCheck(SmsPreviewer previewer, ISmsSettingsRepository settings, ShortLinks links, TimeProvider time,
    SmsTemplateCatalog catalog, ITemplateRepository templates, IOptions<SmsOptions> options, ILogger<FluidSmsComposer> composerLog)
{
    /// <summary>The SMS template names a step may send.</summary>
    public IReadOnlyCollection<string> Templates => previewer.Names;

    /// <summary>
    /// The step's text for the sample cart in <paramref name="locale"/> (null: the store's language), with the store's
    /// saved templates or, when given, one unsaved <paramref name="draft"/> in its place.
    /// </summary>
    public async Task<SmsPreview> PreviewAsync(Store store, SequenceStep step, string? locale, CancellationToken ct, StoreTemplate? draft = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(step);
        var sms = await settings.GetAsync(store.Id, ct);
        var now = time.GetUtcNow();
        var cart = PreviewEndpoint.SampleCart(store);
        cart = cart with { Contact = cart.Contact with { Locale = locale ?? store.Locale } };
        var message = new OutboundMessage
        {
            StoreId = store.Id, CartId = cart.Id, Step = step.Number, Kind = StepKind.Sms, Template = step.Template, DueAt = now,
        };
        // A real code's length (message ids are padded to six bytes): the sample text is exactly as long as the real one.
        var measure = draft is null ? previewer
            : new SmsPreviewer(new FluidSmsComposer(catalog, new DraftTemplateRepository(templates, draft), composerLog), options);
        return await measure.PreviewAsync(new SmsModel(store, cart, message, sms, links.For(store.Id, 0, now)), ct);
    }

    /// <summary>What an unsaved text template makes for the sample cart in its language, and the store's part limit.</summary>
    public async Task<(SmsPreview Preview, int MaxParts)> DraftAsync(Store store, StoreTemplate draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var step = new SequenceStep(1, TimeSpan.Zero, StepKind.Sms, draft.Name);
        var preview = await PreviewAsync(store, step, draft.Locale, ct, draft);
        return (preview, (await settings.GetAsync(store.Id, ct)).MaxParts);
    }

    /// <summary>Per-field errors (JSON paths) of the definition's text steps that do not fit the store's parts, in any language.</summary>
    public async Task<IReadOnlyDictionary<string, SequenceRule[]>> CheckAsync(Store store, SequenceDefinition definition, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new Dictionary<string, SequenceRule[]>(StringComparer.Ordinal);
        var maxParts = (await settings.GetAsync(store.Id, ct)).MaxParts;
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            var step = definition.Steps[i];
            if (step.Kind != StepKind.Sms || !Templates.Contains(step.Template))
                continue;
            foreach (var locale in StoreTemplate.Locales)
            {
                var preview = await PreviewAsync(store, step, locale, ct);
                if (preview.Budget.Fits(maxParts))
                    continue;
                errors[$"steps[{i}].template"] = [new(SequenceRuleTexts.SmsParts, string.Create(CultureInfo.InvariantCulture,
                    $"steps[{i}].template makes a text of {preview.Budget.Parts} parts ({preview.Text.Length} characters, {preview.Budget.Encoding}) in '{locale}' with the shop name and the opt-out mention; this store allows at most {maxParts} parts"),
                    [preview.Budget.Parts, locale, maxParts])];
                break;
            }
        }
        return errors;
    }
}
