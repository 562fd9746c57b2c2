using System.Text.Json;
using System.Text.Json.Serialization;

namespace CartRecovery.Email.Postmark.Sending;

/// <summary>Postmark speaks PascalCase JSON: property names are written as declared and unset fields are left out.</summary>
internal static class PostmarkJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = null,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
