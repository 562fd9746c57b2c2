using System.Text.Json;

namespace CartRecovery.Data.Accounts;

/// <summary>
/// A membership's, key's or invitation's store subset, kept as a JSON array of ids in one column (read whole with its
/// row, never searched); NULL means every store of the account.
/// </summary>
internal static class StoreIdList
{
    public static string? ToDb(IReadOnlyList<long>? storeIds) => storeIds is null ? null : JsonSerializer.Serialize(storeIds);

    public static IReadOnlyList<long>? FromDb(string? json) => json is null ? null : JsonSerializer.Deserialize<long[]>(json);
}
