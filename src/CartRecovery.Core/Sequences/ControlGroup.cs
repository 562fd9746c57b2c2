using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Core.Sequences;

/// <summary>
/// The hold-out of a sequence: a share of its abandoned carts that get no message at all, so that their later orders
/// tell what would have happened without us (<see cref="Attribution.LiftEstimator"/>). The choice is a hash of
/// (sequence, cart) with its own salt: the same on every node and run, and independent of the A/B variant a treated
/// cart gets (<see cref="VariantAssigner"/>).
/// </summary>
public static class ControlGroup
{
    /// <summary>The largest hold-out a sequence may set: above it the merchant gives up more sales than the test is worth.</summary>
    public const int MaxPercent = 50;

    /// <summary>True when the cart is held out of the sequence (no message, its orders still recorded).</summary>
    public static bool IsControl(long sequenceId, long cartId, int holdOutPercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(holdOutPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(holdOutPercent, MaxPercent);
        if (holdOutPercent == 0)
            return false;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"control:{sequenceId}:{cartId}")), hash);
        // Basis points keep the share exact to 0.01 % over many carts; the 64-bit modulo bias is negligible.
        return BinaryPrimitives.ReadUInt64LittleEndian(hash) % 10_000 < (ulong)holdOutPercent * 100;
    }
}
