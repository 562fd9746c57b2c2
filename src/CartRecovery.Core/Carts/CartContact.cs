namespace CartRecovery.Core.Carts;

/// <summary>How to reach the customer. Every field is optional: platforms may redact any of them.</summary>
public sealed record CartContact(
    string? Email = null,
    string? Phone = null,
    string? FirstName = null,
    string? LastName = null,
    string? Locale = null,
    bool? AcceptsMarketing = null)
{
    public static readonly CartContact Empty = new();

    /// <summary>Fills the gaps of this contact with <paramref name="fallback"/>'s values, field by field.</summary>
    public CartContact Coalesce(CartContact fallback) => new(
        Email ?? fallback.Email,
        Phone ?? fallback.Phone,
        FirstName ?? fallback.FirstName,
        LastName ?? fallback.LastName,
        Locale ?? fallback.Locale,
        AcceptsMarketing ?? fallback.AcceptsMarketing);

    public bool CanBeEmailed => !string.IsNullOrWhiteSpace(Email);
}
