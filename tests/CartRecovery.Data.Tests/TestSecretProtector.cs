using System.Security.Cryptography;
using System.Text;
using CartRecovery.Core.Security;

namespace CartRecovery.Data.Tests;

/// <summary>
/// Stands in for Data Protection in storage tests: reversible, visibly not plaintext (so tests can assert that no
/// secret is stored readable), and it refuses values it did not produce, like the real one.
/// </summary>
internal sealed class TestSecretProtector : ISecretProtector
{
    private const string Prefix = "protected:";

    public string Protect(string plaintext) =>
        Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(plaintext).Select(b => (byte)(b ^ 0x5A)).ToArray());

    public string Unprotect(string protectedValue) =>
        protectedValue.StartsWith(Prefix, StringComparison.Ordinal)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(protectedValue[Prefix.Length..]).Select(b => (byte)(b ^ 0x5A)).ToArray())
            : throw new CryptographicException("Not protected by this protector.");
}
