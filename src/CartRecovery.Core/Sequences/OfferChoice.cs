using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Sequences;

/// <summary>The offer a step carries for one customer, or none with the reason for the cart's timeline.</summary>
public sealed record OfferChoice(OfferSpec? Offer, TimelineEntry? WhyNot);
