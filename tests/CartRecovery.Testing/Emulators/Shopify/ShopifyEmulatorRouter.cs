using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CartRecovery.Testing.Emulators.Shopify.GraphQl;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>Records every request, then routes it. Unknown paths get Shopify's {"errors":"Not Found"} 404.</summary>
internal sealed partial class ShopifyEmulatorRouter(
    ShopifyEmulatorState state, ShopifyOAuthEndpoints oauth, ShopifyGraphQlEndpoint graphQl, ShopifyStorefrontEndpoint storefront,
    ShopifyBillingMutations billing)
{
    public async Task DispatchAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        state.Record(new ShopifyRecordedRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", headers, body, state.Now));

        // Every Shopify response carries a request id; clients put it in their exceptions.
        context.Response.Headers["X-Request-Id"] = Guid.NewGuid().ToString();
        var path = request.Path.Value ?? "/";
        if (path == "/admin/oauth/authorize" && HttpMethods.IsGet(request.Method))
        {
            await oauth.AuthorizeAsync(context);
        }
        else if (path == "/admin/oauth/access_token" && HttpMethods.IsPost(request.Method))
        {
            await oauth.AccessTokenAsync(context, body);
        }
        else if (GraphQlPath().Match(path) is { Success: true } match)
        {
            await graphQl.HandleAsync(context, match.Groups["version"].Value, body);
        }
        else if (StorefrontGraphQlPath().IsMatch(path))
        {
            await storefront.HandleAsync(context, body);
        }
        else if (ChargeConfirmationPath().Match(path) is { Success: true } charge && HttpMethods.IsGet(request.Method)
            && billing.Answer(ShopifyFormats.Gid("AppSubscription", long.Parse(charge.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture)),
                approve: request.Query["decline"] != "1") is { } answered)
        {
            // The merchant approved (or declined, ?decline=1) in the admin; Shopify sends them back to the app's return URL.
            var back = new UriBuilder(answered.ReturnUrl);
            back.Query = (back.Query.Length > 1 ? back.Query[1..] + "&" : "") + $"charge_id={charge.Groups["id"].Value}";
            context.Response.Redirect(back.Uri.ToString());
        }
        else
        {
            await ShopifyHttp.WriteAsync(context.Response, StatusCodes.Status404NotFound, new JsonObject { ["errors"] = "Not Found" });
        }
    }

    [GeneratedRegex(@"^/admin/charges/(?<id>\d{1,18})/confirm_recurring_application_charge$", RegexOptions.CultureInvariant)]
    private static partial Regex ChargeConfirmationPath();

    // shopify.dev/docs/api/usage/versioning: versions are named YYYY-MM (quarterly) or "unstable".
    [GeneratedRegex(@"^/admin/api/(?<version>\d{4}-(0[1-9]|1[0-2])|unstable)/graphql\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex GraphQlPath();

    // The Storefront API: same host and version names, without the admin prefix (shopify.dev/docs/api/storefront).
    [GeneratedRegex(@"^/api/(?<version>\d{4}-(0[1-9]|1[0-2])|unstable)/graphql\.json$", RegexOptions.CultureInvariant)]
    private static partial Regex StorefrontGraphQlPath();
}
