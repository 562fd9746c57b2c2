using System.Text.Json;
using System.Text.Json.Serialization;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Data.Sequences;

/// <summary>
/// How a version's definition is stored: camelCase JSON with enums as names, so a stored version still reads after an
/// enum gains a value, and a person reading the row understands it.
/// </summary>
internal static class SequenceJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(SequenceDefinition definition) => JsonSerializer.Serialize(definition, Options);

    public static SequenceDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<SequenceDefinition>(json, Options)
        ?? throw new InvalidOperationException("A stored sequence version holds no definition.");
}
