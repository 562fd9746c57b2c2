using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;

namespace CartRecovery.Email.Templates;

/// <summary>
/// A believable cart that fills every variable a template may print (two lines, one with a variant and an image,
/// an offer, two related products), for checking a template before it is saved and, later, previewing one without a real cart.
/// </summary>
internal static class SampleEmailModel
{
    private static readonly DateTimeOffset SampleTime = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    public static EmailModel Create(bool withOffer, string template = SequencePresets.OfferTemplate)
    {
        var store = new Store
        {
            Id = 1,
            Platform = Platforms.Demo,
            ExternalId = "sample",
            Name = "Sample Shop",
            StorefrontUrl = "https://shop.example.com/",
            Currency = "EUR",
            SenderEmail = "hello@shop.example.com",
            SenderName = "Sample Shop",
        };
        CartLine[] lines =
        [
            new("Linen shirt", 2, 4500, VariantTitle: "Blue / M", ImageUrl: "https://shop.example.com/linen-shirt.jpg",
                ProductUrl: "https://shop.example.com/products/linen-shirt"),
            new("Gift card", 1, 2500),
        ];
        var total = lines.Sum(l => l.LineTotalMinor);
        var cart = new Cart
        {
            Id = 1,
            StoreId = store.Id,
            ExternalId = "sample-cart",
            Status = CartStatus.Abandoned,
            Contact = new CartContact(Email: "customer@example.com", FirstName: "Alex", LastName: "Martin"),
            Lines = lines,
            Currency = store.Currency,
            SubtotalMinor = total,
            TotalMinor = total,
        };
        var offer = new OfferSpec(OfferKind.Percentage, 10, TimeSpan.FromDays(2));
        var message = new OutboundMessage
        {
            Id = 1,
            StoreId = store.Id,
            CartId = cart.Id,
            Step = 1,
            Kind = StepKind.Email,
            Template = template,
            Offer = withOffer ? offer : null,
            DueAt = SampleTime,
        };
        var issued = withOffer ? new IssuedOffer("SAMPLE-10", offer.Describe(cart.Currency), SampleTime + offer.ValidFor) : null;
        return new EmailModel(store, cart, message, "https://recover.example.com/r/sample", "https://recover.example.com/u/sample", issued)
        {
            RelatedProducts =
            [
                new("linen-trousers", "Linen trousers", 6900, store.Currency, "https://shop.example.com/products/linen-trousers",
                    "https://shop.example.com/linen-trousers.jpg"),
                new("straw-hat", "Straw hat", 2900, store.Currency, "https://shop.example.com/products/straw-hat"),
            ],
            ReasonUrl = "https://recover.example.com/why/sample",
        };
    }
}
