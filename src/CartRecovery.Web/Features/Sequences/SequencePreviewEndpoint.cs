using CartRecovery.Core.Email;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Email.Preview;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Sequences;

/// <summary>
/// <c>GET /api/stores/{id}/sequences/{sequenceId}/preview?step=</c>: what an email step of the current version sends to a
/// sample cart, once per variant, side by side; for a text step, the text with its encoding, parts and estimated cost
/// (<see cref="SmsStepCheck"/>). Nothing is sent, no code is issued, nothing is stored.
/// </summary>
internal static class SequencePreviewEndpoint
{
    public static RouteGroupBuilder MapSequencePreview(this RouteGroupBuilder api)
    {
        api.MapGet("/stores/{id:long}/sequences/{sequenceId:long}/preview", PreviewAsync)
            .Describe<object>(ApiDescriptions.Sequences, "What an email step (per variant) or a text step (parts, cost) sends to a sample cart (nothing is sent)", 400, 404);
        return api;
    }

    private static async Task<IResult> PreviewAsync(long id, long sequenceId, int? step, StoreAccess stores, ISequenceRepository sequences,
        EmailPreviewer previewer, SmsStepCheck sms, LinkBuilder links, TimeProvider time, CancellationToken ct)
    {
        if (await stores.GetAsync(id, ct) is not { } store)
            return ApiResults.StoreNotFound(id);
        if (await sequences.GetAsync(id, sequenceId, ct) is not { } sequence)
            return SequenceEndpoints.SequenceNotFound(id, sequenceId);
        var emailSteps = sequence.Definition.Steps.Where(s => s.Kind is StepKind.Email or StepKind.Sms).ToList();
        var chosen = step is null ? emailSteps.FirstOrDefault() : emailSteps.FirstOrDefault(s => s.Number == step);
        if (chosen is null)
            return ApiResults.Invalid("step", $"step must be one of the email or SMS steps of this sequence: {string.Join(", ", emailSteps.Select(s => s.Number))}");
        if (chosen.Kind == StepKind.Sms)
        {
            var text = await sms.PreviewAsync(store, chosen, null, ct);
            return Results.Ok(new
            {
                sequenceId, sequence.Version, step = chosen.Number, channel = "sms", template = chosen.Template,
                text = text.Text, encoding = text.Budget.Encoding == Core.Sms.SmsEncoding.Gsm7 ? "GSM-7" : "UCS-2",
                characters = text.Text.Length, units = text.Budget.Units, parts = text.Budget.Parts, unitsLeft = text.Budget.UnitsLeft,
                estimatedCost = new { minor = text.EstimatedCost.Minor, currency = text.EstimatedCost.Currency, text = text.EstimatedCost.Format() },
            });
        }

        var now = time.GetUtcNow();
        var cart = PreviewEndpoint.SampleCart(store);
        // The plan of the sample cart gives the step's message; each variant is then shown in its place.
        var planned = SequencePlanner.Plan(cart.Id, sequence, now).Single(m => m.Step == chosen.Number);
        IReadOnlyList<StepVariant?> variants = chosen.Variants.Count == 0 ? [null] : [.. chosen.Variants];
        var offer = chosen.Offer is { } spec ? new IssuedOffer("PREVIEW-CODE", spec.Describe(cart.Currency), now + spec.ValidFor) : null;
        var previews = new List<object>();
        var firstEmail = sequence.Definition.Steps.Where(s => s.Kind == StepKind.Email).MinBy(s => s.Number)?.Number == chosen.Number;
        foreach (var variant in variants)
        {
            var message = planned with { Variant = variant?.Key, Template = variant?.Template ?? chosen.Template, SubjectOverride = variant?.Subject };
            var rendered = await previewer.PreviewAsync(new EmailModel(store, cart, message, links.Restore(0, now), links.Unsubscribe(0, now), offer)
            {
                ReasonUrl = firstEmail ? links.Reason(0, now) : null,
                RelatedProducts = PreviewEndpoint.SampleRelatedProducts(store, cart),
            }, ct);
            previews.Add(new
            {
                variant = variant?.Key,
                template = message.Template,
                subject = rendered.Content.Subject,
                html = rendered.Content.HtmlBody,
                text = rendered.Content.TextBody,
            });
        }
        return Results.Ok(new { sequenceId, sequence.Version, step = chosen.Number, variants = previews });
    }
}
