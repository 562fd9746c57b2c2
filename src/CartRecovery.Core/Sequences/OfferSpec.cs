namespace CartRecovery.Core.Sequences;

public enum OfferKind
{
    Percentage = 0,
    FixedAmount = 1,
    FreeShipping = 2,
}

/// <summary>
/// An incentive a step carries: a unique, single-use code valid for <see cref="ValidFor"/> after it is issued.
/// <see cref="Value"/> is a percentage for <see cref="OfferKind.Percentage"/> and minor units for
/// <see cref="OfferKind.FixedAmount"/>; it is ignored for free shipping.
/// </summary>
public sealed record OfferSpec(OfferKind Kind, long Value, TimeSpan ValidFor)
{
    public string Describe(string currency) => Kind switch
    {
        OfferKind.Percentage => $"{Value}% off",
        OfferKind.FixedAmount => $"{Money.Format(Value, currency)} off",
        _ => "free shipping",
    };
}
