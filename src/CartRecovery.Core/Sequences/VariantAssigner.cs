using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Core.Sequences;

/// <summary>
/// Picks a cart's variant of a step. The choice is a hash of (sequence, step, cart), so it is the same on every node
/// and every run (string.GetHashCode is randomized per process), independent between steps, and spread evenly.
/// </summary>
public static class VariantAssigner
{
    /// <summary>The index (0 to <paramref name="variantCount"/> − 1) of the variant the cart gets.</summary>
    public static int Assign(long sequenceId, int step, long cartId, int variantCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(variantCount);
        if (variantCount == 1)
            return 0;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{sequenceId}:{step}:{cartId}")), hash);
        // 64 bits modulo a handful of variants: the modulo bias is below 1e-18.
        return (int)(BinaryPrimitives.ReadUInt64LittleEndian(hash) % (ulong)variantCount);
    }

    /// <summary>The variant of <paramref name="step"/> for the cart, or null when the step has none.</summary>
    public static StepVariant? For(long sequenceId, SequenceStep step, long cartId)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Variants.Count == 0 ? null : step.Variants[Assign(sequenceId, step.Number, cartId, step.Variants.Count)];
    }
}
