namespace CartRecovery.Core.Accounts;

/// <summary>Owns stores; people belong to it through <see cref="Membership"/>, programs through <see cref="ApiKey"/>.</summary>
public sealed record Account
{
    private readonly string _name = "";

    public long Id { get; init; }
    public required string Name { get => _name; init => _name = Stores.DisplayText.Clean(value); }
    public AccountKind Kind { get; init; } = AccountKind.Merchant;
    public DateTimeOffset CreatedAt { get; init; }
}
