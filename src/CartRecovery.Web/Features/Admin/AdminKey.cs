using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Web.Features.Admin;

/// <summary>The admin API's bearer key, compared in constant time.</summary>
internal sealed class AdminKey(string key)
{
    private readonly byte[] _hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public bool Matches(string? presented) =>
        presented is not null
        // Hashing both sides first makes the comparison constant-time regardless of the presented length.
        && CryptographicOperations.FixedTimeEquals(_hash, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}
