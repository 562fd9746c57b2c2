using CartRecovery.Core.Accounts;

namespace CartRecovery.Data.Accounts;

internal sealed class AccountRow
{
    public const string Columns = "id, name, kind, created_at";

    public const string InsertSql = "INSERT INTO accounts (name, kind, created_at) VALUES (@Name, @Kind, @CreatedAt)";

    public long Id { get; set; }
    public string Name { get; set; } = "";
    public long Kind { get; set; }
    public long CreatedAt { get; set; }

    public Account ToAccount() => new() { Id = Id, Name = Name, Kind = (AccountKind)Kind, CreatedAt = DbTime.FromDb(CreatedAt) };
}
