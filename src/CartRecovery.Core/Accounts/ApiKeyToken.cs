using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Core.Accounts;

/// <summary>
/// The text of an API key: <c>crk_{prefix}_{secret}</c>, prefix 12 and secret 43 base64url characters (32 random bytes).
/// The secret has 256 bits of entropy, so a plain SHA-256 of it is a safe stored form (no salt or slow hash needed).
/// </summary>
public sealed record ApiKeyToken(string Prefix, string Secret)
{
    public const string Marker = "crk_";
    private const int PrefixLength = 12;
    private const int SecretLength = 43;

    public string Text => $"{Marker}{Prefix}_{Secret}";

    public byte[] SecretHash() => Hash(Secret);

    public static ApiKeyToken New() => new(RandomText(9), RandomText(32));

    /// <summary>Parses a presented key; false for anything that is not exactly the shape we issue.</summary>
    public static bool TryParse(string? text, out ApiKeyToken token)
    {
        token = null!;
        if (text is null || text.Length != Marker.Length + PrefixLength + 1 + SecretLength || !text.StartsWith(Marker, StringComparison.Ordinal)
            || text[Marker.Length + PrefixLength] != '_')
            return false;
        var prefix = text.Substring(Marker.Length, PrefixLength);
        var secret = text[(Marker.Length + PrefixLength + 1)..];
        if (!IsBase64Url(prefix) || !IsBase64Url(secret))
            return false;
        token = new ApiKeyToken(prefix, secret);
        return true;
    }

    /// <summary>Compares in constant time.</summary>
    public bool Matches(ReadOnlySpan<byte> storedHash) => CryptographicOperations.FixedTimeEquals(SecretHash(), storedHash);

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.ASCII.GetBytes(secret));

    private static string RandomText(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool IsBase64Url(string text) => text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
