using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CartRecovery.Testing.Emulators.Shopify.GraphQl;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CartRecovery.Testing.Emulators.Shopify;

/// <summary>
/// Authorization code grant (shopify.dev .../access-tokens/authorization-code-grant), expiring offline tokens and
/// their refresh (.../offline-access-tokens), and token exchange (.../token-exchange): a session token (ID token) for an
/// online or offline access token, or a non-expiring offline token for an expiring one.
/// </summary>
internal sealed class ShopifyOAuthEndpoints(ShopifyEmulatorState state, ShopifyTokenRepository tokens)
{
    private const string OfflineTokenType = "urn:shopify:params:oauth:token-type:offline-access-token";
    private const string OnlineTokenType = "urn:shopify:params:oauth:token-type:online-access-token";
    private const string IdTokenType = "urn:ietf:params:oauth:token-type:id_token";

    private ShopifyEmulatorOptions Options => state.Options;

    /// <summary>
    /// GET /admin/oauth/authorize: the merchant is assumed to approve at once, so Shopify's redirect to
    /// redirect_uri?code&amp;hmac&amp;host&amp;shop&amp;state&amp;timestamp follows. grant_options[]=per-user asks
    /// for an online token. Errors are the plain "Oauth error invalid_request: ..." page Shopify shows.
    /// </summary>
    public Task AuthorizeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (query["client_id"].ToString() != Options.ClientId)
        {
            return OAuthPageAsync(context.Response, "Oauth error invalid_request: The client_id is invalid");
        }

        var redirect = query["redirect_uri"].ToString();
        if (!Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri) || redirectUri.Scheme is not ("http" or "https")
            || (Options.AllowedRedirectUris is { } allowed && !allowed.Any(a => a.ToString() == redirectUri.ToString())))
        {
            return OAuthPageAsync(context.Response, "Oauth error invalid_request: The redirect_uri is not whitelisted");
        }

        var online = query["grant_options[]"].Any(o => o == "per-user");
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("code", tokens.CreateCode(query["scope"].ToString(), online)),
            new("host", Host()),
            new("shop", Options.ShopDomain),
            new("timestamp", Timestamp()),
        };
        if (!string.IsNullOrEmpty(query["state"]))
        {
            parameters.Add(new("state", query["state"].ToString()));
        }

        parameters.Add(new("hmac", ShopifySignatures.QueryHmac(parameters, Options.ClientSecret)));
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = QueryHelpers.AddQueryString(redirect, parameters.OrderBy(p => p.Key, StringComparer.Ordinal)!);
        return Task.CompletedTask;
    }

    /// <summary>POST /admin/oauth/access_token with a JSON or form body.</summary>
    public Task AccessTokenAsync(HttpContext context, string body)
    {
        var form = ReadBody(context.Request.ContentType, body);
        string? Field(string name) => form.TryGetValue(name, out var value) ? value : null;
        if (Field("client_id") != Options.ClientId || Field("client_secret") != Options.ClientSecret)
        {
            // Shape per Shopify's OAuth errors ({"error","error_description"}); the exact code for bad client
            // credentials is not documented, so the RFC 6749 one is used.
            return ErrorAsync(context.Response, "invalid_client", "Client authentication failed: the client_id or client_secret is invalid.");
        }

        var grantType = Field("grant_type");
        if (grantType == "refresh_token")
        {
            return tokens.Refresh(Field("refresh_token")) is { } refreshed
                ? GrantAsync(context.Response, refreshed)
                : ErrorAsync(context.Response, "invalid_grant", "Token has been expired or revoked.");
        }

        if (grantType == "urn:ietf:params:oauth:grant-type:token-exchange")
        {
            return ExchangeAsync(context.Response, Field);
        }

        var expiring = Field("expiring") is "1" or "true";
        return tokens.ExchangeCode(Field("code"), expiring) is { } grant
            ? GrantAsync(context.Response, grant)
            : ErrorAsync(context.Response, "invalid_request", "The authorization code was not found or was already used");
    }

    private Task ExchangeAsync(HttpResponse response, Func<string, string?> field)
    {
        var subjectType = field("subject_token_type");
        var requested = field("requested_token_type");
        if (subjectType == IdTokenType)
        {
            if (requested is not (OfflineTokenType or OnlineTokenType))
            {
                return ErrorAsync(response, "invalid_request", "The requested_token_type must be an online or offline access token.");
            }

            // The session token must be one App Bridge issued for this app and this shop, still within its minute.
            if (!ShopifySessionTokens.IsValid(field("subject_token"), Options.ClientId, Options.ClientSecret, Options.ShopDomain, state.Now))
            {
                return ErrorAsync(response, "invalid_subject_token", "Token exchange cannot be performed due to an invalid subject token.");
            }

            return GrantAsync(response, tokens.Issue(Options.Scopes, requested == OnlineTokenType, field("expiring") is "1" or "true"));
        }

        if (subjectType == OfflineTokenType)
        {
            if (requested != OfflineTokenType)
            {
                return ErrorAsync(response, "invalid_request", "An offline access token can only be exchanged for an offline access token.");
            }

            return tokens.Migrate(field("subject_token")) is { } migrated
                ? GrantAsync(response, migrated)
                : ErrorAsync(response, "invalid_subject_token", "The subject token is invalid or already expiring.");
        }

        return ErrorAsync(response, "invalid_subject_token_type", "The subject_token_type is not supported.");
    }

    /// <summary>The install request Shopify sends to the App URL: shop, timestamp, host and their hmac.</summary>
    public Uri BuildInstallUrl(Uri appInstallUrl)
    {
        var parameters = QueryHelpers.ParseQuery(appInstallUrl.Query)
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? "")))
            .Concat([new("host", Host()), new("shop", Options.ShopDomain), new("timestamp", Timestamp())])
            .ToList();
        parameters.Add(new("hmac", ShopifySignatures.QueryHmac(parameters, Options.ClientSecret)));
        var bare = appInstallUrl.GetLeftPart(UriPartial.Path);
        return new Uri(QueryHelpers.AddQueryString(bare, parameters.OrderBy(p => p.Key, StringComparer.Ordinal)!));
    }

    /// <summary>
    /// How the admin opens an embedded app's App URL in its iframe: embedded=1, host, id_token (a fresh session token),
    /// locale, session, shop and timestamp, signed with hmac like every Shopify redirect.
    /// </summary>
    public Uri BuildEmbeddedUrl(Uri appUrl, string idToken, string locale)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("embedded", "1"),
            new("host", Host()),
            new("id_token", idToken),
            new("locale", locale),
            new("session", ShopifyEmulatorState.Hex($"admin-session:{Options.ShopDomain}")),
            new("shop", Options.ShopDomain),
            new("timestamp", Timestamp()),
        };
        parameters.Add(new("hmac", ShopifySignatures.QueryHmac(parameters, Options.ClientSecret)));
        return new Uri(QueryHelpers.AddQueryString(appUrl.GetLeftPart(UriPartial.Path), parameters.OrderBy(p => p.Key, StringComparer.Ordinal)!));
    }

    // host = base64 of "admin.shopify.com/store/{handle}" (shopify.dev "App Bridge host"); Shopify sends it without
    // '=' padding, so decoders must re-pad.
    private string Host()
    {
        var handle = Options.ShopDomain.Split('.')[0];
        return Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin.shopify.com/store/{handle}")).TrimEnd('=');
    }

    private string Timestamp() => state.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static Task GrantAsync(HttpResponse response, ShopifyTokenGrant grant)
    {
        var body = new JsonObject { ["access_token"] = grant.AccessToken, ["scope"] = grant.Scope };
        if (grant.ExpiresIn is { } expiresIn)
        {
            body["expires_in"] = expiresIn;
        }

        if (grant.RefreshToken is { } refresh)
        {
            body["refresh_token"] = refresh;
            body["refresh_token_expires_in"] = grant.RefreshTokenExpiresIn;
        }

        if (grant.Online)
        {
            body["associated_user_scope"] = grant.Scope;
            body["associated_user"] = new JsonObject
            {
                ["id"] = 902_541_635,
                ["first_name"] = "Sam",
                ["last_name"] = "Staff",
                ["email"] = "staff@cartrecovery-test.example",
                ["email_verified"] = true,
                ["account_owner"] = true,
                ["locale"] = "en",
                ["collaborator"] = false,
            };
        }

        return ShopifyHttp.WriteAsync(response, StatusCodes.Status200OK, body);
    }

    private static Task ErrorAsync(HttpResponse response, string error, string description) =>
        ShopifyHttp.WriteAsync(response, StatusCodes.Status400BadRequest, new JsonObject { ["error"] = error, ["error_description"] = description });

    private static Task OAuthPageAsync(HttpResponse response, string message)
    {
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(message);
    }

    private static Dictionary<string, string> ReadBody(string? contentType, string body)
    {
        if (contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            return QueryHelpers.ParseQuery(body).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        }

        try
        {
            // JSON values may be strings or numbers ("expiring": "1" or 1).
            return (JsonNode.Parse(body) as JsonObject ?? [])
                .Where(p => p.Value is JsonValue)
                .ToDictionary(p => p.Key, p => p.Value.AsString() ?? p.Value!.ToJsonString(), StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
