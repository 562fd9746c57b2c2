using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Tests.Features.Sms;

/// <summary>Carts with a phone for the SMS tests, and the texts the pickup transport wrote.</summary>
internal static partial class SmsCarts
{
    public static Task<CartMergeResult> ReportAsync(CartRecoveryAppFactory app, Store store, string externalId, string? phone, bool? acceptsSms,
        string locale = "en")
    {
        var at = app.Time.GetUtcNow();
        CartLine[] lines = [new("Ridgeline Down Jacket", 1, 18900, "p1", "v1", "ALP-JKT-M", "Size M")];
        var contact = new CartContact($"{externalId}@example.com", phone, "Ana", Locale: locale, AcceptsMarketing: true, AcceptsSms: acceptsSms);
        return app.Service<CartIngestion>().ReportCartAsync(new CartSnapshot(store.Id, externalId, contact, lines, store.Currency, 18900, 18900,
            $"http://localhost/demo/cart/{externalId}", at, at), TestContext.Current.CancellationToken);
    }

    /// <summary>The <c>.sms.json</c> files in the pickup folder, parsed.</summary>
    public static IReadOnlyList<JsonElement> PickedUpTexts(CartRecoveryAppFactory app) =>
        Directory.Exists(app.PickupDirectory)
            ? Directory.GetFiles(app.PickupDirectory, "*.sms.json").Order(StringComparer.Ordinal)
                .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.Clone()).ToList()
            : [];

    /// <summary>The body of an API answer, parsed, after checking its status (the body is in the failure message).</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The path of the short link in a text (<c>/s/{code}</c>).</summary>
    public static string ShortPath(string body) => ShortLink().Match(body) is { Success: true } m ? m.Value : throw new InvalidOperationException($"No short link in: {body}");

    [GeneratedRegex(@"/s/[A-Za-z0-9_-]{24}")]
    private static partial Regex ShortLink();
}
