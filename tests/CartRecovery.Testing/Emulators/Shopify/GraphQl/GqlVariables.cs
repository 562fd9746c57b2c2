using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>The request's <c>variables</c> plus the operation's declared defaults.</summary>
internal sealed class GqlVariables
{
    private readonly JsonObject _values;
    private readonly Dictionary<string, GqlValue?> _defaults;

    public GqlVariables(JsonObject? values, GqlOperation operation)
    {
        _values = values ?? [];
        _defaults = operation.Variables.ToDictionary(v => v.Name, v => v.DefaultValue, StringComparer.Ordinal);
    }

    public bool IsProvided(string name) => _values.ContainsKey(name);

    public JsonNode? Get(string name)
    {
        if (_values.TryGetPropertyValue(name, out var value))
        {
            return value?.DeepClone();
        }

        return _defaults.TryGetValue(name, out var fallback) ? fallback?.Resolve(this) : null;
    }
}
