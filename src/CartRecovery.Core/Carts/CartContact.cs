namespace CartRecovery.Core.Carts;

/// <summary>
/// How to reach the customer. Every field is optional: platforms may redact any of them. <see cref="Country"/> is the
/// ISO 3166-1 alpha-2 code of the shipping address, else the billing address. <see cref="Phone"/> is kept as the customer
/// typed it: texting turns it into E.164 with the store's country (<see cref="Sms.MobileNumber"/>), so a number that
/// cannot be reached stays visible to the merchant and is never texted. <see cref="AcceptsSms"/> is the customer's SMS
/// marketing consent, separate from the email consent in <see cref="AcceptsMarketing"/>.
/// </summary>
public sealed record CartContact(
    string? Email = null,
    string? Phone = null,
    string? FirstName = null,
    string? LastName = null,
    string? Locale = null,
    bool? AcceptsMarketing = null,
    string? Country = null,
    bool? AcceptsSms = null)
{
    public static readonly CartContact Empty = new();

    /// <summary>Fills the gaps of this contact with <paramref name="fallback"/>'s values, field by field.</summary>
    public CartContact Coalesce(CartContact fallback) => new(
        Email ?? fallback.Email,
        Phone ?? fallback.Phone,
        FirstName ?? fallback.FirstName,
        LastName ?? fallback.LastName,
        Locale ?? fallback.Locale,
        AcceptsMarketing ?? fallback.AcceptsMarketing,
        Country ?? fallback.Country,
        AcceptsSms ?? fallback.AcceptsSms);

    public bool CanBeEmailed => !string.IsNullOrWhiteSpace(Email);

    /// <summary>The first of <paramref name="candidates"/> that is a two-letter country code, upper-cased; platforms send "" for none.</summary>
    public static string? CountryCode(params string?[] candidates)
    {
        foreach (var candidate in candidates)
        {
            var code = candidate?.Trim();
            if (code is { Length: 2 } && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]))
                return code.ToUpperInvariant();
        }
        return null;
    }
}
