using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Core.Accounts;

/// <summary>
/// The random part of a session cookie, a sign-in link or an invitation link: 32 random bytes as 43 base64url
/// characters. Only <see cref="Hash"/> is stored; with 256 bits of entropy a plain SHA-256 is a safe stored form.
/// </summary>
public static class SecretToken
{
    public const int Length = 43;

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The SHA-256 of a presented token, or null when it is not exactly the shape we issue (nothing to look up).</summary>
    public static byte[]? TryHash(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? SHA256.HashData(Encoding.ASCII.GetBytes(token))
            : null;

    /// <summary>The SHA-256 of a token we just issued.</summary>
    public static byte[] Hash(string token) =>
        TryHash(token) ?? throw new ArgumentException("Not a token issued by SecretToken.New.", nameof(token));
}
