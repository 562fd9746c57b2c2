using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CartRecovery.Web.Features.Api;

/// <summary>
/// Gives the document its title and description, declares the HTTP Bearer scheme (the <c>Admin:ApiKey</c>) and
/// requires it on every <c>/api</c> operation (the API's authorization checks it before anything else runs).
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "CartRecovery admin API",
            Version = "v1",
            Description = "Stores, carts, sequences, templates, sending controls, follow-up tasks and metrics of a CartRecovery "
                + "deployment. Every call sends 'Authorization: Bearer <key>': an account's API key (crk_...), which sees the "
                + "account's stores with the key's role, or the operator's Admin:ApiKey, which sees every store. A store the "
                + "key may not see answers 404 like a missing one; a role too low for the call answers 403. Errors are "
                + "application/problem+json; a 400 names each invalid field and the rule it broke.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An account's API key (crk_..., created by an owner at POST /api/keys), or the operator's "
                + "deployment-wide Admin:ApiKey (or the generated key in the data directory).",
        };

        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith("/api/", StringComparison.Ordinal) || item.Operations is null)
                continue;
            foreach (var operation in item.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
                AddProblemExample(operation, "401", UnauthorizedExample);
                AddProblemExample(operation, "403", ForbiddenExample);
                AddProblemExample(operation, "400", InvalidExample);
            }
        }
        return Task.CompletedTask;
    }

    // What CallerChallenges and ApiResults.Invalid answer, so integrators see a real problem body.
    private const string UnauthorizedExample = """
        {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.2","title":"Unauthorized","status":401,
         "detail":"Send an API key as 'Authorization: Bearer <key>', or sign in."}
        """;

    private const string ForbiddenExample = """
        {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.4","title":"Forbidden","status":403,
         "detail":"Your role in this account does not allow this."}
        """;

    private const string InvalidExample = """
        {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,
         "detail":"take must be between 1 and 200","errors":{"take":["take must be between 1 and 200"]}}
        """;

    private static void AddProblemExample(OpenApiOperation operation, string status, string example)
    {
        if (operation.Responses?.TryGetValue(status, out var response) == true
            && response.Content?.TryGetValue("application/problem+json", out var media) == true && media is OpenApiMediaType problem)
            problem.Example = JsonNode.Parse(example);
    }
}
