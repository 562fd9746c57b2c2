using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>
/// POST /admin/api/{version}/graphql.json (shopify.dev/docs/api/admin-graphql): token check (401), request
/// shape (400), parse and validation errors (200, errors only), the single-query cost cap (MAX_COST_EXCEEDED),
/// the leaky bucket (THROTTLED, nothing charged), then execution with extensions.cost on the answer.
/// </summary>
internal sealed class ShopifyGraphQlEndpoint
{
    private readonly ShopifyEmulatorState _state;
    private readonly ShopifyTokenRepository _tokens;
    private readonly ShopifyCostBucket _bucket;
    private readonly ShopifyGraphQlQueries _queries;
    private readonly ShopifyGraphQlMutations _mutations;

    public ShopifyGraphQlEndpoint(ShopifyEmulatorState state, ShopifyTokenRepository tokens, ShopifyCostBucket bucket)
    {
        (_state, _tokens, _bucket) = (state, tokens, bucket);
        var appObjects = new ShopifyGraphQlAppObjects(state);
        _queries = new ShopifyGraphQlQueries(state, new ShopifyGraphQlObjects(state), appObjects);
        _mutations = new ShopifyGraphQlMutations(state, appObjects);
    }

    public async Task HandleAsync(HttpContext context, string version, string body)
    {
        var response = context.Response;
        response.Headers["X-Shopify-API-Version"] = version;
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await ShopifyHttp.WriteAsync(response, StatusCodes.Status405MethodNotAllowed, new JsonObject { ["errors"] = "Method Not Allowed" });
            return;
        }

        if (_state.TakeFailure() is { } status)
        {
            await ShopifyHttp.WriteFaultAsync(response, status);
            return;
        }

        // Shopify's answer to a missing, unknown, expired or revoked token.
        if (_tokens.ScopeOf(context.Request.Headers["X-Shopify-Access-Token"].ToString()) is not { } scopes)
        {
            response.Headers.WWWAuthenticate = "Basic Realm=\"Shopify API Authentication\"";
            await ShopifyHttp.WriteAsync(response, StatusCodes.Status401Unauthorized,
                new JsonObject { ["errors"] = "[API] Invalid API key or access token (unrecognized login or wrong password)" });
            return;
        }

        if (ReadRequest(context.Request.ContentType, body) is not { } request)
        {
            await ShopifyHttp.WriteAsync(response, StatusCodes.Status400BadRequest,
                new JsonObject { ["errors"] = new JsonObject { ["query"] = "Required parameter missing or invalid" } });
            return;
        }

        await ShopifyHttp.WriteAsync(response, StatusCodes.Status200OK, Execute(request.Query, request.Variables, request.OperationName, scopes));
    }

    private JsonObject Execute(string query, JsonObject? variablesJson, string? operationName, string scopes)
    {
        GqlOperation operation;
        try
        {
            var document = GqlParser.Parse(query);
            operation = Choose(document, operationName);
        }
        catch (GqlSyntaxException error)
        {
            return Errors([new JsonObject
            {
                ["message"] = error.Message,
                ["locations"] = new JsonArray(new JsonObject { ["line"] = error.Line, ["column"] = error.Column }),
            }]);
        }

        var variables = new GqlVariables(variablesJson, operation);
        var invalid = ShopifyGraphQlValidator.Validate(operation, variables);
        if (invalid.Count > 0)
        {
            return Errors(invalid);
        }

        var requested = ShopifyGraphQlCost.Requested(operation, variables);
        if (requested > _state.Options.MaxSingleQueryCost)
        {
            return Errors([ShopifyGraphQlErrors.MaxCostExceeded(requested, _state.Options.MaxSingleQueryCost)]);
        }

        if (_state.TakeThrottle() || !_bucket.TryTake(requested))
        {
            var throttled = Errors([ShopifyGraphQlErrors.Throttled()]);
            throttled["extensions"] = _bucket.Extension(requested, actual: null);
            return throttled;
        }

        var run = new ShopifyGraphQlRun(operation, scopes);
        var projector = new ShopifyGraphQlProjector(variables);
        var data = new JsonObject();
        foreach (var field in RootFields(operation))
        {
            var value = field.Name == "__typename"
                ? JsonValue.Create(operation.RootType)
                : operation.Kind == "mutation" ? _mutations.Resolve(field, variables, run) : _queries.Resolve(field, variables, run);
            data[field.ResponseKey] = field.Name == "__typename" ? value : projector.ProjectRoot(field, operation.RootType, value);
        }

        var actual = Math.Min(requested, projector.ActualCost);
        _bucket.Refund(requested - actual);
        var result = new JsonObject();
        if (run.Errors.Count > 0)
        {
            result["errors"] = new JsonArray([.. run.Errors]);
        }

        result["data"] = data;
        var extensions = _bucket.Extension(requested, actual);
        if (run.SearchWarnings.Count > 0)
        {
            extensions["search"] = run.SearchWarnings;
        }

        result["extensions"] = extensions;
        return result;
    }

    internal static GqlOperation Choose(GqlDocument document, string? operationName)
    {
        if (operationName is not null)
        {
            return document.Operations.FirstOrDefault(o => o.Name == operationName)
                ?? throw new GqlSyntaxException($"No operation named \"{operationName}\"", 1, 1);
        }

        return document.Operations.Count == 1
            ? document.Operations[0]
            : throw new GqlSyntaxException("An operation name is required", 1, 1);
    }

    private static IEnumerable<GqlField> RootFields(GqlOperation operation) =>
        operation.Selections.SelectMany(s => s switch
        {
            GqlField field => [field],
            GqlInlineFragment fragment => fragment.Selections.OfType<GqlField>(),
            _ => [],
        });

    private static JsonObject Errors(IEnumerable<JsonObject> errors) => new() { ["errors"] = new JsonArray([.. errors]) };

    // Both APIs take application/json ({ query, variables, operationName }) or application/graphql (raw query).
    internal static (string Query, JsonObject? Variables, string? OperationName)? ReadRequest(string? contentType, string body)
    {
        if (contentType?.StartsWith("application/graphql", StringComparison.OrdinalIgnoreCase) == true)
        {
            return string.IsNullOrWhiteSpace(body) ? null : (body, null, null);
        }

        if (contentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body) is JsonObject json && json["query"].AsString() is { Length: > 0 } query
                ? (query, json["variables"] as JsonObject, json["operationName"].AsString())
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
