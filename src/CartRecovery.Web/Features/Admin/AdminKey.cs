using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Web.Features.Admin;

/// <summary>The admin API's bearer key, compared in constant time.</summary>
/// <param name="filePath">The generated key's file, or null when the key is configured (<c>Admin:ApiKey</c>).</param>
internal sealed class AdminKey(string key, string? filePath = null)
{
    public string? FilePath { get; } = filePath;

    private readonly byte[] _hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public bool Matches(string? presented) =>
        presented is not null
        // Hashing both sides first makes the comparison constant-time regardless of the presented length.
        && CryptographicOperations.FixedTimeEquals(_hash, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
