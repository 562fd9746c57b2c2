using CartRecovery.Core.Carts;
using CartRecovery.Core.CrossSell;
using CartRecovery.Core.Email;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Email.Preview;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Admin;

/// <summary>
/// <c>GET /api/stores/{id}/preview?step=&amp;cartId=</c>: exactly what the step would send for that cart (or for a sample
/// cart in the store's currency): subject, HTML, text and headers. Nothing is sent, no code is issued, nothing is stored.
/// </summary>
internal static class PreviewEndpoint
{
    /// <summary>What the step would send: its subject, HTML and text bodies and the headers it would carry.</summary>
    public sealed record PreviewResponse(int Step, string Template, string Subject, string Html, string Text, IReadOnlyDictionary<string, string> Headers);

    public static RouteGroupBuilder MapPreview(this RouteGroupBuilder api)
    {
        api.MapGet("/stores/{id:long}/preview", PreviewAsync)
            .Describe<PreviewResponse>(ApiDescriptions.Templates, "What a step of the store's preset would send to a cart or a sample cart (nothing is sent)", 400, 404);
        return api;
    }

    private static async Task<IResult> PreviewAsync(long id, int? step, long? cartId, StoreAccess stores,
        EmailPreviewer previewer, LinkBuilder links, TimeProvider time, CancellationToken ct)
    {
        if (await stores.GetAsync(id, ct) is not { } store)
            return ApiResults.StoreNotFound(id);
        var sequence = SequencePresets.Find(store.Sequence);
        var emailSteps = sequence.Steps.Where(s => s.Kind == StepKind.Email).ToList();
        var chosen = step is null ? emailSteps.FirstOrDefault() : emailSteps.FirstOrDefault(s => s.Number == step);
        if (chosen is null)
            return ApiResults.Invalid("step", $"step must be one of the email steps of sequence '{sequence.Name}': {string.Join(", ", emailSteps.Select(s => s.Number))}");

        Cart cart;
        if (cartId is { } wanted)
        {
            if (await stores.GetCartAsync(wanted, ct) is not { } found || found.StoreId != store.Id)
                return ApiResults.Invalid("cartId", $"cartId {wanted} is not a cart of store {store.Id}");
            cart = found;
        }
        else
        {
            cart = SampleCart(store);
        }

        var preview = await previewer.PreviewAsync(PreviewModel(store, cart, chosen, links, time.GetUtcNow()), ct);
        return Results.Ok(new PreviewResponse(chosen.Number, chosen.Template, preview.Content.Subject, preview.Content.HtmlBody,
            preview.Content.TextBody, preview.Headers));
    }

    /// <summary>What <paramref name="step"/> would render for <paramref name="cart"/>: no code issued, no link that restores anything.</summary>
    internal static EmailModel PreviewModel(Store store, Cart cart, SequenceStep step, LinkBuilder links, DateTimeOffset now, StepVariant? variant = null)
    {
        var message = new OutboundMessage
        {
            StoreId = store.Id, CartId = cart.Id, Step = step.Number, Kind = step.Kind, Template = variant?.Template ?? step.Template,
            Offer = step.Offer, DueAt = now, Variant = variant?.Key, SubjectOverride = variant?.Subject,
        };
        // A preview must not create a discount on the platform: the code is a visible placeholder.
        var offer = step.Offer is { } spec ? new IssuedOffer("PREVIEW-CODE", spec.Describe(cart.Currency), now + spec.ValidFor) : null;
        return new EmailModel(store, cart, message, links.Restore(0, now), links.Unsubscribe(0, now), offer)
        {
            ReasonUrl = step.Number == 1 ? links.Reason(0, now) : null,
            RelatedProducts = SampleRelatedProducts(store, cart),
        };
    }

    /// <summary>
    /// What a preview of the sample cart shows under "You may also like", so the merchant sees where the block goes and
    /// how it looks (a real cart's products are the platform's, asked at send time).
    /// </summary>
    internal static IReadOnlyList<RelatedProduct> SampleRelatedProducts(Store store, Cart cart) =>
        cart.ExternalId != SampleCartId ? [] :
        [
            new("sample-related-1", "Sample related product", 3900, store.Currency, store.StorefrontUrl),
            new("sample-related-2", "Another product they may like", 1900, store.Currency, store.StorefrontUrl),
        ];

    private const string SampleCartId = "preview";

    internal static Cart SampleCart(Store store) => new()
    {
        StoreId = store.Id,
        ExternalId = SampleCartId,
        Status = CartStatus.Abandoned,
        Contact = new CartContact("customer@example.com", FirstName: "Alex", Locale: store.Locale),
        Lines = [new CartLine("Sample product", 2, 2450, VariantTitle: "Size M"), new CartLine("Gift wrap", 1, 500)],
        Currency = store.Currency,
        SubtotalMinor = 5400,
        TotalMinor = 5400,
        RestoreUrl = store.StorefrontUrl,
    };
}
