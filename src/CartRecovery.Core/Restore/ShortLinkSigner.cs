using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace CartRecovery.Core.Restore;

/// <summary>
/// Issues and checks the codes of SMS short links (<c>/s/{code}</c>): <c>base64url(message id (6 bytes) | expiry in
/// hours since 2025-01-01 (3 bytes) | HMAC-SHA256 truncated to 72 bits)</c>, 24 characters. Every character of an SMS
/// counts, so the code is shorter than a restore token; 72 bits still cannot be guessed at the rate a web server answers.
/// The MAC also covers the store the message belongs to, so a code only opens a message of the store it was issued for.
/// </summary>
public sealed class ShortLinkSigner
{
    /// <summary>The length of every code.</summary>
    public const int CodeLength = 24;

    /// <summary>The first characters of a code: they encode the message id alone (<see cref="IdPrefix"/>).</summary>
    public const int IdPrefixLength = 8;

    private const int IdBytes = 6, ExpiryBytes = 3, MacBytes = 9, PayloadBytes = IdBytes + ExpiryBytes, Total = PayloadBytes + MacBytes;
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly byte[] _key;

    public ShortLinkSigner(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
            throw new ArgumentException("The signing key must be at least 32 bytes.", nameof(key));
        // A key of its own, derived: a short-link MAC can never be replayed as a restore or unsubscribe token's.
        _key = HMACSHA256.HashData(key, "sms-short-link"u8);
    }

    /// <summary>A code for message <paramref name="messageId"/> of store <paramref name="storeId"/>, valid until about <paramref name="expiresAt"/> (rounded up to the hour).</summary>
    public string Issue(long storeId, long messageId, DateTimeOffset expiresAt)
    {
        if (messageId is < 0 or >= 1L << 48)
            throw new ArgumentOutOfRangeException(nameof(messageId), "A short link holds message ids below 2^48.");
        var hours = (int)Math.Clamp(Math.Ceiling((expiresAt - Epoch).TotalHours), 0, (1 << 24) - 1);
        Span<byte> code = stackalloc byte[Total];
        WriteId(code, messageId);
        code[6] = (byte)(hours >> 16);
        code[7] = (byte)(hours >> 8);
        code[8] = (byte)hours;
        Sign(storeId, code[..PayloadBytes], code[PayloadBytes..]);
        return Base64Url.EncodeToString(code);
    }

    /// <summary>
    /// The message a code names, without checking it (the store is needed for that: <see cref="Check"/>), or null when
    /// it is not even shaped like a code.
    /// </summary>
    public static long? MessageIdOf(string? code)
    {
        Span<byte> bytes = stackalloc byte[Total];
        return TryDecode(code, bytes) ? ReadId(bytes) : null;
    }

    /// <summary>The part of every code of <paramref name="messageId"/> that names it: found in a sent text, it says the text was ours.</summary>
    public static string IdPrefix(long messageId)
    {
        Span<byte> id = stackalloc byte[IdBytes];
        WriteId(id, messageId);
        return Base64Url.EncodeToString(id);
    }

    /// <summary>Checks a code against the store its message belongs to (<paramref name="storeId"/>).</summary>
    public TokenCheck Check(string? code, long storeId, DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[Total];
        if (!TryDecode(code, bytes))
            return TokenCheck.Invalid;
        Span<byte> expected = stackalloc byte[MacBytes];
        Sign(storeId, bytes[..PayloadBytes], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[PayloadBytes..]))
            return TokenCheck.Invalid;
        var hours = (bytes[6] << 16) | (bytes[7] << 8) | bytes[8];
        return new(now < Epoch.AddHours(hours) ? TokenState.Valid : TokenState.Expired, ReadId(bytes));
    }

    private static void WriteId(Span<byte> target, long messageId)
    {
        Span<byte> full = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(full, messageId);
        full[2..].CopyTo(target);
    }

    private static long ReadId(ReadOnlySpan<byte> bytes)
    {
        Span<byte> full = stackalloc byte[8];
        bytes[..IdBytes].CopyTo(full[2..]);
        return BinaryPrimitives.ReadInt64BigEndian(full);
    }

    private static bool TryDecode(string? code, Span<byte> bytes)
    {
        // Base64Url throws (rather than returning false) on characters outside its alphabet, so check them first.
        if (code is null || code.Length != CodeLength || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return false;
        try
        {
            return Base64Url.TryDecodeFromChars(code, bytes, out var written) && written == Total;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private void Sign(long storeId, ReadOnlySpan<byte> payload, Span<byte> mac)
    {
        Span<byte> input = stackalloc byte[8 + PayloadBytes];
        BinaryPrimitives.WriteInt64BigEndian(input, storeId);
        payload.CopyTo(input[8..]);
        Span<byte> full = stackalloc byte[32];
        HMACSHA256.HashData(_key, input, full);
        full[..MacBytes].CopyTo(mac);
    }
}
