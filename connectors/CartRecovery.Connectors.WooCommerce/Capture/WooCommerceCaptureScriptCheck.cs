using System.Text;
using CartRecovery.Core.FeedHealth;
using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.WooCommerce.Capture;

/// <summary>
/// Reads the shop's home page (at most <see cref="MaxBytes"/>, through the outbound guard every client of the factory has)
/// and looks for the store's own script path, <c>/capture/{publicKey}/script.js</c>: WordPress prints the pasted tag in the
/// head of every page. A page that cannot be read (down, redirected off-site, too slow) tells nothing either way.
/// </summary>
internal sealed class WooCommerceCaptureScriptCheck(IHttpClientFactory clients) : ICaptureScriptCheck
{
    public const string HttpClientName = "woocommerce-storefront";
    private const int MaxBytes = 2 * 1024 * 1024;

    public string Platform => Platforms.WooCommerce;

    public async Task<bool?> IsPresentAsync(Store store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.PublicKey is not { Length: > 0 } key || !Uri.TryCreate(store.StorefrontUrl, UriKind.Absolute, out var home))
            return null;
        try
        {
            using var http = clients.CreateClient(HttpClientName);
            using var response = await http.GetAsync(home, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
                return null;
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            var buffer = new byte[MaxBytes];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await body.ReadAsync(buffer.AsMemory(read), ct)) > 0)
                read += n;
            var page = Encoding.UTF8.GetString(buffer, 0, read);
            return page.Contains($"/capture/{Uri.EscapeDataString(key)}/script.js", StringComparison.Ordinal);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
