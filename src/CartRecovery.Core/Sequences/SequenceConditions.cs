using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Sequences;

public enum CustomerCondition
{
    Any = 0,
    /// <summary>No earlier converted cart with the same address in this store.</summary>
    New = 1,
    /// <summary>The same address already bought in this store (a converted cart before this one).</summary>
    Returning = 2,
}

public enum ConsentCondition
{
    Any = 0,
    /// <summary>The customer opted in to marketing.</summary>
    Subscribed = 1,
    /// <summary>The customer did not opt out (opted in, or the platform did not say).</summary>
    NotDeclined = 2,
}

/// <summary>
/// Which carts a sequence takes. Every condition set must hold; an empty list or null bound means "any".
/// Cart value is the cart total in minor units of its currency, both bounds inclusive.
/// </summary>
public sealed record SequenceConditions
{
    public static readonly SequenceConditions Any = new();

    public long? MinCartValueMinor { get; init; }
    public long? MaxCartValueMinor { get; init; }
    public CustomerCondition Customer { get; init; }
    public ConsentCondition Consent { get; init; }
    /// <summary>ISO 3166-1 alpha-2 codes, upper case.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];
    /// <summary>Language tags; <c>fr</c> takes <c>fr-CA</c> too, <c>fr-CA</c> only <c>fr-CA</c>.</summary>
    public IReadOnlyList<string> Locales { get; init; } = [];

    /// <summary>True when the customer's history matters, so the caller only looks it up when needed.</summary>
    public bool NeedsCustomerHistory => Customer != CustomerCondition.Any;

    /// <summary>Whether <paramref name="cart"/> meets every condition; <paramref name="returning"/> is ignored unless <see cref="NeedsCustomerHistory"/>.</summary>
    public bool Matches(Cart cart, bool returning)
    {
        ArgumentNullException.ThrowIfNull(cart);
        if (MinCartValueMinor is { } min && cart.TotalMinor < min)
            return false;
        if (MaxCartValueMinor is { } max && cart.TotalMinor > max)
            return false;
        if (Customer == CustomerCondition.New && returning || Customer == CustomerCondition.Returning && !returning)
            return false;
        var consent = cart.Contact.AcceptsMarketing;
        if (Consent == ConsentCondition.Subscribed && consent != true || Consent == ConsentCondition.NotDeclined && consent == false)
            return false;
        if (Countries.Count > 0 && !Countries.Contains(cart.Contact.Country ?? "", StringComparer.OrdinalIgnoreCase))
            return false;
        return Locales.Count == 0 || Locales.Any(locale => LocaleMatches(locale, cart.Contact.Locale));
    }

    private static bool LocaleMatches(string wanted, string? actual)
    {
        if (string.IsNullOrEmpty(actual))
            return false;
        var normalized = actual.Replace('_', '-');
        return string.Equals(wanted, normalized, StringComparison.OrdinalIgnoreCase)
            || normalized.StartsWith(wanted + "-", StringComparison.OrdinalIgnoreCase);
    }
}
