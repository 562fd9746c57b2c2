using System.Globalization;
using CartRecovery.Core;
using CartRecovery.Core.Email;
using CartRecovery.Core.Sms;
using CartRecovery.Email.Localization;
using CartRecovery.Email.Templates;
using Fluid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartRecovery.Sms.Templates;

/// <summary>
/// Renders SMS templates with Fluid, in the customer's language (as emails choose it). A store's own text for a
/// template and language (<see cref="ITemplateRepository"/>, part <see cref="StoreTemplate.TextPart"/>) replaces the
/// built-in one; one that no longer parses or renders falls back to it. Whatever the template says, the text names the
/// shop, carries the short link and ends with the opt-out mention (<see cref="SmsText"/>).
/// </summary>
public sealed class FluidSmsComposer : ISmsComposer
{
    private readonly SmsTemplateCatalog _catalog;
    private readonly ITemplateRepository? _overrides;
    private readonly ILogger _logger;

    /// <summary>Only the built-in templates.</summary>
    public FluidSmsComposer(SmsTemplateCatalog catalog)
        : this(catalog, null, NullLogger<FluidSmsComposer>.Instance)
    {
    }

    public FluidSmsComposer(SmsTemplateCatalog catalog, ITemplateRepository? overrides, ILogger<FluidSmsComposer> logger)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(logger);
        _catalog = catalog;
        _overrides = overrides;
        _logger = logger;
    }

    public IReadOnlyCollection<string> Names => _catalog.Names;

    public async Task<string> ComposeAsync(SmsModel model, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(model);
        var name = model.Message.Template;
        var language = EmailLanguage.Choose(model.Cart, model.Store, lang => _catalog.Has(name, lang));
        var builtIn = _catalog.Get(name, language);
        var values = Values(model, language);
        var culture = EmailLanguage.Culture(language);
        if (await OwnTemplateAsync(model.Store.Id, name, language, ct) is { } own)
        {
            try
            {
                return SmsText.Finish(await TemplateRendering.RenderAsync(own, values, NullEncoder.Default, culture), model, language);
            }
            catch (Exception error) when (error is InvalidOperationException or FluidException)
            {
                _logger.LogWarning(error, "Store {StoreId}'s own SMS template '{Template}' ({Language}) failed to render; sending the built-in one",
                    model.Store.Id, name, language);
            }
        }
        try
        {
            return SmsText.Finish(await TemplateRendering.RenderAsync(builtIn, values, NullEncoder.Default, culture), model, language);
        }
        catch (FluidException error)
        {
            throw new InvalidOperationException($"SMS template '{name}' failed to render: {error.Message}", error);
        }
    }

    private async Task<IFluidTemplate?> OwnTemplateAsync(long storeId, string name, string language, CancellationToken ct)
    {
        if (_overrides is null)
            return null;
        var own = (await _overrides.ListAsync(storeId, ct))
            .FirstOrDefault(t => t.Name == name && t.Locale == language && t.Part == StoreTemplate.TextPart);
        if (own is null)
            return null;
        if (TemplateCatalog.TryParse(own.Source, out var parsed, out var error))
            return parsed;
        _logger.LogWarning("Store {StoreId}'s own SMS template '{Template}' ({Language}) does not parse, so the built-in one is used: {Error}",
            storeId, name, language, error);
        return null;
    }

    // Plain text ready to print, as for emails: templates never see Core records.
    private static Dictionary<string, object?> Values(SmsModel model, string language)
    {
        var culture = EmailLanguage.Culture(language);
        var cart = model.Cart;
        return new()
        {
            ["locale"] = language,
            ["store"] = new Dictionary<string, object?> { ["name"] = model.Store.Name },
            ["customer"] = new Dictionary<string, object?> { ["first_name"] = cart.Contact.FirstName?.Trim() ?? "" },
            ["cart"] = new Dictionary<string, object?>
            {
                ["total"] = Money.Format(cart.TotalMinor, cart.Currency, culture),
                ["item_count"] = cart.Lines.Sum(l => l.Quantity),
                ["first_item"] = cart.Lines.Count > 0 ? cart.Lines[0].Title : "",
            },
            ["short_url"] = model.ShortUrl,
            ["opt_out"] = SmsOptOutMention.For(language, model.Settings),
        };
    }
}
