using CartRecovery.Core.Accounts;

namespace CartRecovery.Data.Accounts;

internal sealed class UserRow
{
    public const string Columns = "id, email, name, created_at, last_sign_in_at";

    public long Id { get; set; }
    public string? Email { get; set; }
    public string? Name { get; set; }
    public long CreatedAt { get; set; }
    public long? LastSignInAt { get; set; }

    public User ToUser() => new()
    {
        Id = Id,
        Email = Email,
        Name = Name,
        CreatedAt = DbTime.FromDb(CreatedAt),
        LastSignInAt = DbTime.FromDb(LastSignInAt),
    };
}
