using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Web.Tests.Security;

/// <summary>
/// Sends one hostile request and judges the answer: never a 5xx or a stack trace; a strict endpoint refuses what it
/// cannot read and anything without credentials; a refusal stores nothing and, on API paths, is problem+json.
/// Failures are collected, so one run reports every broken endpoint at once.
/// </summary>
public sealed class Attacker(HostileHost host)
{
    private const int MaxReported = 60;
    private readonly List<string> _failures = [];
    private readonly HashSet<string> _knownSeen = [];
    private int _webhookSerial;

    public int Sent { get; private set; }

    /// <summary>Time spent per payload, to keep the suite within its budget.</summary>
    public Dictionary<string, TimeSpan> TimeByPayload { get; } = [];

    public IReadOnlyList<string> Failures => _failures;

    public IReadOnlyCollection<string> KnownFindingsSeen => _knownSeen;

    /// <summary>Attacks with and without the endpoint's credentials (public endpoints have none: once).</summary>
    public async Task AttackAsync(AttackSurface surface, RouteFill fill, HostilePayload payload)
    {
        await AttackOnceAsync(surface, fill, payload, withCredentials: false);
        if (!surface.IsPublic)
            await AttackOnceAsync(surface, fill, payload, withCredentials: true);
    }

    public async Task AttackOnceAsync(AttackSurface surface, RouteFill fill, HostilePayload payload, bool withCredentials)
    {
        var path = fill.PathFor(surface.Endpoint.RoutePattern);
        var what = $"{surface.Method} {Shorten(path)} [{fill.Name}; {payload}; {(withCredentials ? "with" : "without")} credentials]";
        using var request = new HttpRequestMessage(new HttpMethod(surface.Method), path) { Content = payload.CreateContent() };
        if (withCredentials)
            AddCredentials(request, surface, payload.Body ?? []);
        foreach (var (name, value) in payload.Headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        Sent++;
        HttpResponseMessage response;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            response = await host.SendAsync(request, ownConnection: payload.MayResetConnection);
            TimeByPayload[payload.Name] = TimeByPayload.GetValueOrDefault(payload.Name) + System.Diagnostics.Stopwatch.GetElapsedTime(started);
        }
        catch (HttpRequestException error) when (payload.MayResetConnection)
        {
            // Kestrel answers an oversized body and closes the connection while the client is still sending. An endpoint
            // that does not read bodies has done its normal work first (a restore link records its click).
            await ExpectHealthyAsync(what);
            if (surface.ReadsBody)
                await ExpectUnchangedAsync(what, $"connection closed ({error.Message})");
            else
                host.Database.Rebase();
            return;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            Fail(what, $"no answer: {error.GetType().Name}: {error.Message}; /healthz {await HealthOrErrorAsync()}");
            await ExpectUnchangedAsync(what, "no answer");
            return;
        }

        using (response)
            await JudgeAsync(surface, payload, path, withCredentials, what, response);
    }

    private async Task JudgeAsync(AttackSurface surface, HostilePayload payload, string path, bool withCredentials, string what,
        HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(HostileHost.Ct);
        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (KnownFindings.Match(surface, payload, path, withCredentials, status) is { } known)
        {
            _knownSeen.Add(known);
            host.Database.Rebase();
            return;
        }
        var errors = host.Errors.Drain();
        if (status >= 500)
        {
            Fail(what, $"{status}; the host logged: {string.Join(" | ", errors)}");
            await ExpectUnchangedAsync(what, $"failed with {status}");
        }
        if (body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception:", StringComparison.Ordinal))
            Fail(what, $"the answer shows a stack trace or exception: {Excerpt(body)}");

        var mustRefuse = !surface.IsPublic && (!withCredentials || (surface.ReadsBody && payload.Refusal switch
        {
            Refusal.Always => true,
            Refusal.TypedJson => surface.JsonBody is not null,
            _ => false,
        }));
        // A page's refusal of a caller without a session is the way to the sign-in page.
        var toSignIn = surface.IsPage && status == 302
            && response.Headers.Location?.OriginalString.StartsWith("/sign-in", StringComparison.Ordinal) == true;
        if (status is >= 400 and < 500 || toSignIn)
        {
            await ExpectUnchangedAsync(what, $"refused with {status}");
            // Kestrel refuses some requests before the app runs (NUL in the path, a request line over 8 KiB, 32 KiB of
            // headers): empty answers that close the connection, which no app code can turn into problem+json.
            var answeredByServer = payload.AnsweredByServer || (response.Headers.ConnectionClose == true && body.Length == 0);
            if (surface.IsApi && !answeredByServer && contentType != "application/problem+json")
                Fail(what, $"refused with {status} as '{contentType}', not application/problem+json: {Excerpt(body)}");
        }
        else if (status < 400)
        {
            if (mustRefuse)
                Fail(what, $"accepted ({status}) where a refusal was due: {Excerpt(body)}");
            // Allowed to change data (a valid request, or a public page doing its job): the new state is the baseline.
            host.Database.Rebase();
        }
    }

    /// <summary>Checks the process after a batch: the health probe answers 200.</summary>
    public async Task ExpectHealthyAsync(string after)
    {
        var health = await HealthOrErrorAsync();
        if (health != "200")
            Fail(after, $"/healthz answered {health} afterwards");
    }

    private Task ExpectUnchangedAsync(string what, string outcome)
    {
        // No table is exempt: a refused request commits nothing at all (rate limits, pending connections and the like
        // are either in memory or only written by accepted requests).
        var changes = host.Database.ChangesSinceBaseline();
        if (changes.Count > 0)
        {
            Fail(what, $"{outcome}, but the database changed: {string.Join("; ", changes)}");
            host.Database.Rebase();
        }
        return Task.CompletedTask;
    }

    private async Task<string> HealthOrErrorAsync()
    {
        try
        {
            return ((int)await host.HealthAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return $"nothing ({error.Message})";
        }
    }

    /// <summary>The credentials a legitimate caller of this endpoint would present, computed over this very body.</summary>
    private void AddCredentials(HttpRequestMessage request, AttackSurface surface, byte[] body)
    {
        var pattern = surface.Pattern;
        if (surface.IsAdmin)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CartRecoveryAppFactory.AdminKey);
        }
        else if (pattern == "/webhooks/shopify")
        {
            request.Headers.Add("X-Shopify-Hmac-Sha256", Hmac(HostileHost.ShopifySecret, body));
            request.Headers.Add("X-Shopify-Topic", "checkouts/update");
            request.Headers.Add("X-Shopify-Shop-Domain", host.Targets.OtherStore.ExternalId);
            request.Headers.Add("X-Shopify-Webhook-Id", $"hostile-{++_webhookSerial}");
        }
        else if (pattern.StartsWith("/webhooks/woocommerce/", StringComparison.Ordinal))
        {
            request.Headers.Add("X-WC-Webhook-Signature", Hmac(HostileHost.WooCommerceWebhookSecret, body));
            request.Headers.Add("X-WC-Webhook-Topic", "order.updated");
            request.Headers.Add("X-WC-Webhook-Delivery-ID", $"hostile-{++_webhookSerial}");
        }
        else if (pattern == "/webhooks/postmark")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{HostileHost.PostmarkUser}:{HostileHost.PostmarkPassword}")));
        }
        else if (surface.IsPage)
        {
            request.Headers.Add("Cookie", host.SessionCookie);
        }
        else if (pattern.StartsWith("/capture/", StringComparison.Ordinal))
        {
            request.Headers.Add("Origin", new Uri(host.Targets.WooStore.StorefrontUrl).GetLeftPart(UriPartial.Authority));
        }
    }

    private static string Hmac(string secret, byte[] body) => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private void Fail(string what, string why)
    {
        if (_failures.Count < MaxReported)
            _failures.Add($"{what}: {why}");
    }

    private static string Shorten(string path) => path.Length > 120 ? path[..100] + $"…({path.Length} chars)" : path;

    private static string Excerpt(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
