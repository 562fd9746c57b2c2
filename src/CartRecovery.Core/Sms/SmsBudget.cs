namespace CartRecovery.Core.Sms;

/// <summary>
/// What a text costs to send: its encoding, its length in the encoding's units (GSM-7 septets, UCS-2 code units) and
/// the parts it is split into. Measure one with <see cref="Measure"/>.
/// </summary>
public sealed record SmsBudget(SmsEncoding Encoding, int Units, int Parts)
{
    /// <summary>A single part holds 160 septets; split parts lose 7 to the concatenation header (153).</summary>
    public const int Gsm7Single = 160, Gsm7Split = 153;

    /// <summary>A single part holds 70 UCS-2 code units; split parts hold 67.</summary>
    public const int Ucs2Single = 70, Ucs2Split = 67;

    /// <summary>The part limit when a store sets none: a recovery text that needs a third part is too long.</summary>
    public const int DefaultMaxParts = 2;

    /// <summary>
    /// Measures <paramref name="text"/>. Any character outside GSM-7 (an emoji, curly quotes, a capital "À") switches the
    /// whole message to UCS-2. Parts are counted as handsets split them: an extension character's two septets, and an
    /// emoji's surrogate pair, never straddle two parts. An empty text is one empty part.
    /// </summary>
    public static SmsBudget Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (SmsAlphabet.IsGsm7(text))
        {
            var septets = text.Sum(SmsAlphabet.Septets);
            return new(SmsEncoding.Gsm7, septets, septets <= Gsm7Single ? 1 : CountParts(text, SmsAlphabet.Septets, Gsm7Split));
        }
        return new(SmsEncoding.Ucs2, text.Length, text.Length <= Ucs2Single ? 1 : CountParts(text, _ => 1, Ucs2Split, keepPairs: true));
    }

    /// <summary>Units still free in the last part before another part is needed.</summary>
    public int UnitsLeft => Parts == 1
        ? (Encoding == SmsEncoding.Gsm7 ? Gsm7Single : Ucs2Single) - Units
        : Parts * (Encoding == SmsEncoding.Gsm7 ? Gsm7Split : Ucs2Split) - Units;

    /// <summary>Whether the text fits in <paramref name="maxParts"/> parts.</summary>
    public bool Fits(int maxParts) => Parts <= maxParts;

    /// <summary>The price of sending it once: one <paramref name="pricePerPart"/> per part, as providers bill.</summary>
    public SmsPrice Cost(SmsPrice pricePerPart)
    {
        ArgumentNullException.ThrowIfNull(pricePerPart);
        return pricePerPart with { Minor = pricePerPart.Minor * Parts };
    }

    // Greedy filling, as the sending handset or gateway does: a unit that does not fit whole starts the next part.
    private static int CountParts(string text, Func<char, int> cost, int perPart, bool keepPairs = false)
    {
        int parts = 1, used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var size = keepPairs && char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                ? 2
                : cost(text[i]);
            if (size == 2 && keepPairs)
                i++;
            if (used + size > perPart)
            {
                parts++;
                used = 0;
            }
            used += size;
        }
        return parts;
    }
}
