using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CartRecovery.Web.Pages;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace CartRecovery.Web.Features.Api;

/// <summary>
/// The API described for integrators: the OpenAPI 3.1 document at <c>/openapi/v1.json</c> and a reference page at
/// <c>/openapi/reference</c> that lists every operation. The page is rendered here from the same API descriptions the
/// document is built from, in our own layout: no script and nothing fetched from a CDN, so the strict CSP holds.
/// </summary>
internal static partial class ApiReferenceEndpoints
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/openapi/reference";

    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.OpenApiVersion = Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_1;
            o.AddDocumentTransformer<ApiDocumentTransformer>();
        });

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        // A fixed path (no {documentName}): there is one document, and the route has nothing for a caller to vary.
        app.MapOpenApi(DocumentPath);
        app.MapGet(ReferencePath, (IApiDescriptionGroupCollectionProvider descriptions) => HtmlPage.Render("CartRecovery API reference",
            Body(descriptions.ApiDescriptionGroups.Items.SelectMany(g => g.Items)))).ExcludeFromDescription();
        return app;
    }

    private static string Body(IEnumerable<ApiDescription> operations)
    {
        var html = new StringBuilder();
        html.Append("<h1>CartRecovery API reference</h1>")
            .Append("<p>Every <span class=\"code\">/api</span> call sends <span class=\"code\">Authorization: Bearer &lt;key&gt;</span> ")
            .Append("(the deployment's <span class=\"code\">Admin:ApiKey</span>). Errors are <span class=\"code\">application/problem+json</span>.</p>")
            .Append(CultureInfo.InvariantCulture, $"<p><a href=\"{DocumentPath}\">OpenAPI 3.1 document</a> for code generators and API clients.</p>");
        foreach (var tag in operations.GroupBy(Tag).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{HtmlPage.Encode(tag.Key)}</h2><table>");
            foreach (var op in tag.OrderBy(o => o.RelativePath, StringComparer.Ordinal).ThenBy(o => o.HttpMethod, StringComparer.Ordinal))
            {
                var statuses = string.Join(", ", op.SupportedResponseTypes.Select(r => r.StatusCode).Distinct().Order());
                var summary = op.ActionDescriptor.EndpointMetadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary;
                html.Append(CultureInfo.InvariantCulture, $"<tr><td><span class=\"code\">{HtmlPage.Encode(op.HttpMethod)} /{HtmlPage.Encode(RouteConstraint().Replace(op.RelativePath ?? "", "}"))}</span>")
                    // Statuses under the summary, not in a column of their own: a no-wrap column overflowed a phone's width.
                    .Append(CultureInfo.InvariantCulture, $"<br>{HtmlPage.Encode(summary)}<br><span class=\"muted\">{HtmlPage.Encode(statuses)}</span></td></tr>");
            }
            html.Append("</table>");
        }
        return html.ToString();
    }

    private static string Tag(ApiDescription op) =>
        op.ActionDescriptor.EndpointMetadata.OfType<ITagsMetadata>().SelectMany(t => t.Tags).FirstOrDefault() ?? "Other";

    // Paths as the document writes them: {id}, not {id:long} (the constraint is in the parameter's schema there).
    [GeneratedRegex(":[^}]*}")]
    private static partial Regex RouteConstraint();
}
