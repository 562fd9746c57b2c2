using CartRecovery.Core.Email;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;
using CartRecovery.Email.Preview;
using CartRecovery.Email.Templates;
using CartRecovery.Sms.Preview;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Audit;
using CartRecovery.Web.Features.Auth;
using CartRecovery.Web.Features.Sequences;

namespace CartRecovery.Web.Features.Admin;

/// <summary>
/// A store's own templates (<c>/api/stores/{id}/templates/{name}/{locale}/{part}</c>), used instead of the built-in
/// part when the store sends in that language. A source that does not parse, names an unknown filter, fails with a
/// sample cart or breaks a template limit (size, nesting, steps, output; see <see cref="Email.Templates.Limits.TemplateLimits"/>)
/// is refused with its line and reason (422) and nothing is saved, so it never breaks a send. A text message
/// (<see cref="TemplateOverrides.TextNames"/>) has one part, <c>text</c>, and is also refused when it needs more parts
/// than the store allows.
/// </summary>
internal static class TemplateEndpoints
{
    public sealed record TemplateRequest(string? Source);

    public sealed record TemplateResponse(string Name, string Locale, string Part, string Source, DateTimeOffset UpdatedAt);

    /// <summary>
    /// A saved part, with what the step sending it would now send to a sample cart in that language: an email's
    /// <see cref="Preview"/>, or a text's <see cref="Sms"/> (the other is null).
    /// </summary>
    public sealed record SavedTemplateResponse(string Name, string Locale, string Part, DateTimeOffset UpdatedAt, TemplatePreview? Preview, SmsTemplatePreview? Sms);

    public sealed record TemplatePreview(int Step, string Subject, string Html, string Text);

    /// <summary>A text as it goes out (shop name, short link and opt-out mention included), measured against the store's part limit.</summary>
    public sealed record SmsTemplatePreview(string Text, string Encoding, int Characters, int Units, int Parts, int MaxParts, SmsCost EstimatedCost);

    /// <summary>A price in minor units (fractions of a cent allowed, as providers bill) and as text.</summary>
    public sealed record SmsCost(decimal Minor, string Currency, string Text);

    public static RouteGroupBuilder MapStoreTemplates(this RouteGroupBuilder api)
    {
        api.MapGet("/stores/{id:long}/templates", async (long id, StoreAccess stores, ITemplateRepository templates, CancellationToken ct) =>
            await stores.GetAsync(id, ct) is null
                ? ApiResults.StoreNotFound(id)
                : Results.Ok((await templates.ListAsync(id, ct)).Select(t => new TemplateResponse(t.Name, t.Locale, t.Part, t.Source, t.UpdatedAt))))
            .Describe<IEnumerable<TemplateResponse>>(ApiDescriptions.Templates, "List the store's own template parts", 404);
        api.MapPut("/stores/{id:long}/templates/{name}/{locale}/{part}", SaveAsync)
            .RequireAuthorization(CallerPolicies.Member)
            .Describe<SavedTemplateResponse>(ApiDescriptions.Templates, "Save the store's own template part: an email's subject, html or text, or a text message's text (refused with its line and reason when invalid, or when a text needs more parts than the store allows)", 400, 404, 422);
        api.MapDelete("/stores/{id:long}/templates/{name}/{locale}/{part}", async (long id, string name, string locale, string part,
            StoreAccess stores, TemplateOverrides overrides, CancellationToken ct) =>
        {
            if (await stores.GetAsync(id, ct) is not { } store)
                return ApiResults.StoreNotFound(id);
            if (InvalidRoute(name, locale, part) is { } invalid)
                return invalid;
            if (!await overrides.RevertAsync(store, name, locale, part, ct))
                return Results.Problem(statusCode: 404, title: "No such template override",
                    detail: $"Store {id} has no own {part} part of '{name}' in '{locale}'; it sends the built-in one.");
            return Results.NoContent();
        }).RequireAuthorization(CallerPolicies.Member)
            .DescribeNoContent(ApiDescriptions.Templates, "Delete the store's own template part (the built-in one is sent again)", 400, 404);
        return api;
    }

    private static async Task<IResult> SaveAsync(long id, string name, string locale, string part, TemplateRequest? request,
        StoreAccess stores, TemplateOverrides overrides, EmailPreviewer previewer, SmsStepCheck sms, LinkBuilder links, TimeProvider time, CancellationToken ct)
    {
        if (await stores.GetAsync(id, ct) is not { } store)
            return ApiResults.StoreNotFound(id);
        if (InvalidRoute(name, locale, part) is { } invalid)
            return invalid;
        if (request?.Source is not { } source)
            return ApiResults.Invalid("source", "source is required");

        var validation = await overrides.SaveAsync(store, name, locale, part, source, ct);
        if (!validation.IsValid)
        {
            return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The template is invalid",
                detail: validation.Error, extensions: new Dictionary<string, object?>
                {
                    ["line"] = validation.Line,
                    ["column"] = validation.Column,
                    ["error"] = validation.Error,
                });
        }

        var now = time.GetUtcNow();
        if (TemplateOverrides.IsText(name))
        {
            var (text, maxParts) = await sms.DraftAsync(store, new StoreTemplate(store.Id, name, locale, part, request.Source, now), ct);
            return Results.Ok(new SavedTemplateResponse(name, locale, part, now, null, Measured(text, maxParts)));
        }
        var preview = await PreviewAsync(store, name, locale, previewer, links, now, ct);
        return Results.Ok(new SavedTemplateResponse(name, locale, part, now, preview, null));
    }

    internal static SmsTemplatePreview Measured(SmsPreview text, int maxParts) => new(
        text.Text, text.Budget.Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "UCS-2", text.Text.Length, text.Budget.Units, text.Budget.Parts, maxParts,
        new SmsCost(text.EstimatedCost.Minor, text.EstimatedCost.Currency, text.EstimatedCost.Format()));

    /// <summary>What the step sending this template would now send to a sample cart in that language.</summary>
    internal static async Task<TemplatePreview> PreviewAsync(Store store, string name, string locale, EmailPreviewer previewer, LinkBuilder links,
        DateTimeOffset now, CancellationToken ct)
    {
        var step = SequencePresets.Find(store.Sequence).Steps.Concat(SequencePresets.All.SelectMany(s => s.Steps))
            .First(s => s.Kind == StepKind.Email && s.Template == name);
        var sample = PreviewEndpoint.SampleCart(store);
        var cart = sample with { Contact = sample.Contact with { Locale = locale } };
        var message = new OutboundMessage
        {
            StoreId = store.Id, CartId = cart.Id, Step = step.Number, Kind = step.Kind, Template = step.Template, Offer = step.Offer, DueAt = now,
        };
        // As in the preview endpoint: no discount is created on the platform, the code is a visible placeholder.
        var offer = step.Offer is { } spec ? new IssuedOffer("PREVIEW-CODE", spec.Describe(cart.Currency), now + spec.ValidFor) : null;
        var model = new EmailModel(store, cart, message, links.Restore(0, now), links.Unsubscribe(0, now), offer)
        {
            ReasonUrl = step.Number == 1 ? links.Reason(0, now) : null,
            RelatedProducts = PreviewEndpoint.SampleRelatedProducts(store, cart),
        };
        var rendered = await previewer.PreviewAsync(model, ct);
        return new TemplatePreview(step.Number, rendered.Content.Subject, rendered.Content.HtmlBody, rendered.Content.TextBody);
    }

    private static IResult? InvalidRoute(string name, string locale, string part) =>
        !TemplateOverrides.Names.Contains(name, StringComparer.Ordinal) && !TemplateOverrides.IsText(name)
            ? ApiResults.Invalid("name", $"name must be one of {string.Join(", ", TemplateOverrides.Names.Concat(TemplateOverrides.TextNames))}")
        : !StoreTemplate.Locales.Contains(locale, StringComparer.Ordinal) ? ApiResults.Invalid("locale", $"locale must be one of {string.Join(", ", StoreTemplate.Locales)}")
        : !TemplateOverrides.PartsOf(name).Contains(part, StringComparer.Ordinal)
            ? ApiResults.Invalid("part", $"part must be one of {string.Join(", ", TemplateOverrides.PartsOf(name))}{(TemplateOverrides.IsText(name) ? " (a text message has one part)" : "")}")
        : null;
}
