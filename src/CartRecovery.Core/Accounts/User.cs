namespace CartRecovery.Core.Accounts;

/// <summary>
/// A person. Known by email (email-link sign-in, invitations) and/or by an outside login (a Shopify staff user, who
/// reaches us through a session token that carries no email): see <see cref="IAccountRepository.GetOrCreateUserByLoginAsync"/>.
/// </summary>
public sealed record User
{
    public long Id { get; init; }
    /// <summary>Normalized (trimmed, lower case); null for a Shopify staff user we only know by id.</summary>
    public string? Email { get; init; }
    public string? Name { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastSignInAt { get; init; }
}
