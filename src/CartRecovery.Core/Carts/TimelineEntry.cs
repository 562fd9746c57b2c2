using System.Text.Json;
using System.Text.Json.Serialization;

namespace CartRecovery.Core.Carts;

/// <summary>
/// What happened to a cart, as a stable <see cref="Code"/> and its <see cref="Args"/> rather than an English sentence,
/// so the cart page can say it in the reader's language with money and dates in the store's ways
/// (<see cref="TimelineTexts"/> holds the words). Reasons nest: "step 2 cancelled" carries why as an entry of its own.
/// </summary>
public sealed record TimelineEntry(string Code, IReadOnlyList<TimelineArg> Args)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static TimelineEntry Of(string code, params TimelineArg[] args) => new(code, args);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The entry stored by <see cref="ToJson"/>; null for rows written before entries existed (free text only).</summary>
    public static TimelineEntry? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<TimelineEntry>(json, Json);

    // Records compare lists by reference; two entries saying the same thing are equal.
    public bool Equals(TimelineEntry? other) =>
        other is not null && Code == other.Code && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Code, Args.Count);
}
