using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace CartRecovery.Core.Restore;

/// <summary>
/// Issues and checks the tokens in restore and unsubscribe links: <c>base64url(version | purpose | message id |
/// expiry | HMAC-SHA256 truncated to 128 bits)</c>. Nothing is stored per token: the signature makes it
/// unguessable and tamper-evident, the expiry is inside it, and the message id leads to the cart.
/// </summary>
public sealed class LinkTokenSigner
{
    private const byte Version = 1;
    private const int PayloadLength = 1 + 1 + 8 + 8;
    private const int MacLength = 16;
    private const int TokenLength = PayloadLength + MacLength;
    private static readonly int EncodedLength = Base64Url.GetEncodedLength(TokenLength);
    private static readonly SearchValues<char> Alphabet = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
    private readonly byte[] _key;

    public LinkTokenSigner(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
            throw new ArgumentException("The signing key must be at least 32 bytes.", nameof(key));
        _key = key.ToArray();
    }

    public string Issue(TokenPurpose purpose, long messageId, DateTimeOffset expiresAt)
    {
        Span<byte> token = stackalloc byte[TokenLength];
        token[0] = Version;
        token[1] = (byte)purpose;
        BinaryPrimitives.WriteInt64BigEndian(token[2..], messageId);
        BinaryPrimitives.WriteInt64BigEndian(token[10..], expiresAt.ToUnixTimeSeconds());
        Sign(token[..PayloadLength], token[PayloadLength..]);
        return Base64Url.EncodeToString(token);
    }

    public TokenCheck Check(string? token, TokenPurpose purpose, DateTimeOffset now)
    {
        // Base64Url throws (rather than returning false) on characters outside its alphabet, so check them first.
        if (token is null || token.Length != EncodedLength || token.AsSpan().ContainsAnyExcept(Alphabet))
            return TokenCheck.Invalid;
        Span<byte> bytes = stackalloc byte[TokenLength];
        if (!TryDecode(token, bytes))
            return TokenCheck.Invalid;

        Span<byte> expected = stackalloc byte[MacLength];
        Sign(bytes[..PayloadLength], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[PayloadLength..])
            || bytes[0] != Version || bytes[1] != (byte)purpose)
            return TokenCheck.Invalid;

        var messageId = BinaryPrimitives.ReadInt64BigEndian(bytes[2..]);
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes[10..]));
        return new(now < expiresAt ? TokenState.Valid : TokenState.Expired, messageId);
    }

    // The decoder also throws (rather than returning false) when the last character carries non-zero spare bits, which
    // an altered token can: any failure to decode is simply an invalid token.
    private static bool TryDecode(string token, Span<byte> bytes)
    {
        try
        {
            return Base64Url.TryDecodeFromChars(token, bytes, out var written) && written == TokenLength;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private void Sign(ReadOnlySpan<byte> payload, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(_key, payload, full);
        full[..MacLength].CopyTo(mac);
    }
}
