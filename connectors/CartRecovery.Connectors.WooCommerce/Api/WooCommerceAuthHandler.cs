using System.Net.Http.Headers;
using System.Text;

namespace CartRecovery.Connectors.WooCommerce.Api;

/// <summary>
/// Authenticates each attempt the way WooCommerce expects: HTTP Basic with the consumer key and secret over HTTPS,
/// OAuth 1.0a one-legged signatures in the query string over plain HTTP
/// (https://woocommerce.github.io/woocommerce-rest-api-docs/#authentication). The scheme of the URL the request is
/// actually sent to decides (an http API base behind an https site still gets signatures): the secret never travels
/// in clear text.
/// </summary>
internal sealed class WooCommerceAuthHandler(TimeProvider time) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var options = request.Options;
        if (options.TryGetValue(WooCommerceRequestOptions.Connection, out var connection)
            && options.TryGetValue(WooCommerceRequestOptions.Route, out var route))
        {
            var query = options.TryGetValue(WooCommerceRequestOptions.Query, out var q) ? q : [];
            var anonymous = options.TryGetValue(WooCommerceRequestOptions.Anonymous, out var a) && a;
            var target = connection.RequestUrl(route);
            if (anonymous || target.Scheme == Uri.UriSchemeHttps)
            {
                request.RequestUri = WooCommerceRequestOptions.BuildUri(target, query);
                request.Headers.Authorization = anonymous ? null : new AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(Encoding.UTF8.GetBytes(connection.ConsumerKey + ":" + connection.ConsumerSecret)));
            }
            else
            {
                var signed = WooCommerceOAuth1.Sign(
                    request.Method.Method, connection.SigningUrl(route), query, connection.ConsumerKey, connection.ConsumerSecret,
                    time.GetUtcNow().ToUnixTimeSeconds(), WooCommerceOAuth1.NewNonce());
                request.RequestUri = WooCommerceRequestOptions.BuildUri(target, signed);
                request.Headers.Authorization = null;
            }
        }
        return base.SendAsync(request, cancellationToken);
    }
}
