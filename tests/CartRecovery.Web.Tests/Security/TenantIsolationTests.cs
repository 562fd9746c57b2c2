using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CartRecovery.Core.Email;
using CartRecovery.Core.Sequences;
using Microsoft.AspNetCore.Authorization;

namespace CartRecovery.Web.Tests.Security;

/// <summary>
/// Tenant isolation (issue 12): every <c>/api</c> endpoint, enumerated from the app's own endpoint data source, is called
/// by account B on account A's ids (store, cart, message, sequence, task, template, suppression, key, member) with a
/// request A itself may make. B gets a 404 or an answer that shows nothing of A, and A's data is unchanged; the same
/// request from A is not a 404, so the refusal is the scoping's doing. An endpoint the suite cannot fill fails it, and
/// so does an endpoint outside <c>/api</c> that is neither public nor listed below with a reason.
/// </summary>
public sealed class TenantIsolationTests(TenantHost tenants) : IClassFixture<TenantHost>
{
    /// <summary>Endpoints outside /api that answer a tenant's data only to a platform's or customer's own credential.</summary>
    private static readonly IReadOnlyDictionary<string, string> ScopedOtherwise = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["POST /webhooks/shopify"] = "signed by Shopify with the app's (or the custom app's) secret; the shop domain names the store",
        ["POST /webhooks/woocommerce/{storeId:long}"] = "signed with that store's own webhook secret",
        ["POST /webhooks/postmark"] = "Postmark's Basic credentials; events only touch the messages they name by provider id",
        ["POST /capture/{publicKey}"] = "the store's public key plus its own Origin; writes carts, reads nothing back",
        ["POST /capture/{publicKey}/reason"] = "the store's public key plus its own Origin; records a reason on that store's own cart only, reads nothing back",
        ["POST /sms/twilio/{storeKey}/inbound"] = "signed by Twilio with the deployment's auth token; only stops or restarts texts to the sender's own number",
        ["GET /metrics"] = "the operator's admin key (or its own port): process-wide counts labelled by platform and channel, no tenant's data",
        ["POST /sms/twilio/status"] = "signed by Twilio over the URL naming our message; the provider id must be the one that message was sent with",
        ["POST /connect/woocommerce/callback"] = "WooCommerce posts keys for a one-time pending connection id",
        ["GET /shopify"] = "the embedded page: Shopify's signed session token names the one shop it shows",
        ["POST /app/switch"] = "the signed-in person's own session: switches only to an account they are a member of",
        ["POST /sign-out"] = "ends the caller's own session",
        ["POST /sign-out/everywhere"] = "ends the caller's own sessions",
        ["POST /invitations/{token}"] = "the invitation's single-use token is the credential; it adds the bearer to that one account",
        ["POST /sign-in/link"] = "the sign-in link's single-use token is the credential; it signs in the address it was made for",
    };

    /// <summary>A request body each body-reading /api endpoint accepts from its own account (the scoping must be what refuses B).</summary>
    private static readonly IReadOnlyDictionary<string, string> ValidBodies = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["POST /api/stores"] = """{"platform":"woocommerce","siteUrl":"https://hostile-woo.example/","consumerKey":"ck_isolation","consumerSecret":"cs_isolation"}""",
        ["PATCH /api/stores/{id:long}"] = """{"senderName":"Isolation"}""",
        ["PUT /api/stores/{id:long}/sending-policy"] = """{"retentionDays":30}""",
        ["PUT /api/stores/{id:long}/sms"] = """{"enabled":false,"maxParts":3}""",
        ["POST /api/stores/{id:long}/suppressions"] = """{"email":"isolation@example.com"}""",
        ["PUT /api/stores/{id:long}/templates/{name}/{locale}/{part}"] = """{"source":"<p>Isolation</p>"}""",
        ["POST /api/stores/{id:long}/sequences"] = """{"preset":"hybrid","name":"isolation"}""",
        ["PUT /api/stores/{id:long}/sequences/{sequenceId:long}"] = """{"preset":"hybrid","name":"isolation"}""",
        ["POST /api/questionnaire"] = """{"storeSize":3,"productComplexity":3,"basketValue":3,"clientele":3,"brandPositioning":3}""",
        ["POST /api/tasks/{id:long}/assign"] = """{"assignee":"Isolation"}""",
        ["POST /api/tasks/{id:long}/complete"] = """{"outcome":"Isolation"}""",
        ["POST /api/accounts"] = """{"name":"Isolation","ownerEmail":"isolation@example.com"}""",
        ["POST /api/keys"] = """{"name":"isolation","role":"viewer"}""",
        ["PUT /api/team/{userId:long}"] = """{"role":"owner"}""",
        ["POST /api/team/invitations"] = """{"email":"isolation-invite@example.com","role":"viewer"}""",
        ["PUT /api/stores/{id:long}/billing"] = """{"plan":"Isolation"}""",
    };

    /// <summary>Endpoints that create something in the caller's own account whatever ids the suite fills in: B's write is B's.</summary>
    private static readonly Dictionary<string, string> CreatesInTheCallersAccount = new(StringComparer.Ordinal)
    {
        ["POST /api/team/invitations"] = "invites a person into the caller's own account (B's invitation, in B)",
        ["POST /api/keys"] = "creates a key of the caller's own account",
    };

    /// <summary>Answers other than 404 that B may get on A's ids, and why they confirm nothing about A.</summary>
    private static readonly IReadOnlyDictionary<string, (HttpStatusCode Status, string Reason)> OtherRefusals =
        new Dictionary<string, (HttpStatusCode, string)>(StringComparer.Ordinal)
        {
            ["POST /api/stores"] = (HttpStatusCode.Conflict, "B names A's shop itself (its address): connecting never moves a shop between accounts"),
        };

    /// <summary>Every way account B calls the API: its key and its owner's signed-in session. Each runs the whole suite.</summary>
    private IReadOnlyList<(string Name, Action<HttpRequestMessage> Authorize)> CallersOfB() =>
    [
        ("B's API key", request => request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenants.OwnerKeyB.Token)),
        ("B's session", request => request.Headers.Add("Cookie", tenants.SessionB)),
    ];

    [Fact]
    public void Endpoints_EveryOneIsUnderTheApiOrPublicOrScopedOtherwise()
    {
        var surfaces = tenants.Host.Endpoints().SelectMany(AttackSurface.Of).ToList();

        var unaccounted = surfaces.Where(s => !s.IsAdmin && !s.IsPage && !s.IsPublic && !ScopedOtherwise.ContainsKey(s.Key)).Select(s => s.Key).ToList();
        var unfillable = surfaces.Where(s => s.IsAdmin).SelectMany(s => s.Endpoint.RoutePattern.Parameters
            .Where(p => !TryFill(p.Name, s.Pattern, out _)).Select(p => $"{s.Key}: {{{p.Name}}}")).ToList();
        var noBody = surfaces.Where(s => s.IsAdmin && s.ReadsBody && !ValidBodies.ContainsKey(s.Key)).Select(s => s.Key).ToList();
        var stale = ScopedOtherwise.Keys.Concat(ValidBodies.Keys).Concat(OtherRefusals.Keys).Where(k => surfaces.All(s => s.Key != k)).ToList();

        Assert.True(unaccounted.Count == 0, "Endpoints neither under /api, public (AttackSurface.Public) nor listed as scoped otherwise: "
            + string.Join(", ", unaccounted));
        Assert.True(unfillable.Count == 0, "Route parameters the isolation suite has no id of account A for: " + string.Join(", ", unfillable));
        Assert.True(noBody.Count == 0, "Endpoints that read a body without a valid body here: " + string.Join(", ", noBody));
        Assert.True(stale.Count == 0, "Listed endpoints that no longer exist: " + string.Join(", ", stale));
        Assert.Contains(surfaces, s => s.Key == "GET /api/carts/{id:long}");
    }

    [Fact]
    public async Task EveryApiEndpoint_CalledByAnotherAccountOnTheFirstAccountsIds_Is404OrShowsNothingOfIt()
    {
        var failures = new List<string>();
        var db = tenants.Host.Database;
        foreach (var (caller, authorize) in CallersOfB())
        {
            // The first call records the key's use (once a minute): not a change to A's data.
            using (await SendAsync(Request("GET", "/api/account", null, authorize)))
                db.Rebase();
            foreach (var surface in ApiSurfaces())
            {
                var (path, body) = RequestFor(surface);
                using var response = await SendAsync(Request(surface.Method, path, body, authorize));
                var text = await response.Content.ReadAsStringAsync(TenantHost.Ct);
                var what = $"{caller}: {surface.Method} {path}";
                if (Judge(surface, response, text) is { } failure)
                    failures.Add($"{what} → {failure}");
                if (db.ChangesSinceBaseline() is { Count: > 0 } changes)
                {
                    if (!CreatesInTheCallersAccount.ContainsKey(surface.Key))
                        failures.Add($"{what} → {(int)response.StatusCode}, and the database changed: {string.Join("; ", changes)}");
                    db.Rebase();
                }
            }
        }

        // The same requests from A itself: none is a 404, so what refused B was the scoping, not a wrong id or body.
        foreach (var surface in ApiSurfaces().Where(s => !IsOperatorOnly(s)))
        {
            var (path, body) = RequestFor(surface);
            using var response = await SendAsync(Request(surface.Method, path, body,
                r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tenants.OwnerKeyA.Token)));
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                failures.Add($"A's own {surface.Method} {path} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TenantHost.Ct)}");
        }
        db.Rebase();

        Assert.True(failures.Count == 0, $"{failures.Count} isolation failures:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task ListEndpoints_ForAnotherAccount_ShowOnlyItsOwnStoresData()
    {
        using var b = tenants.Client(tenants.OwnerKeyB.Token);

        var stores = await JsonAsync(b, "/api/stores");
        var carts = await JsonAsync(b, "/api/carts");
        var tasks = await JsonAsync(b, "/api/tasks");
        var metrics = await JsonAsync(b, "/api/metrics");
        var account = await JsonAsync(b, "/api/account");

        Assert.Equal([tenants.Targets.OtherStore.Id], stores.EnumerateArray().Select(s => s.GetProperty("id").GetInt64()));
        Assert.Equal(0, carts.GetArrayLength());
        Assert.Equal(0, tasks.GetArrayLength());
        Assert.Equal(0, metrics.GetProperty("abandonedCarts").GetInt64());
        Assert.Equal(0, metrics.GetProperty("emailsSent").GetInt64());
        Assert.Equal(tenants.AccountB, account.GetProperty("id").GetInt64());
        Assert.Equal([tenants.Targets.OtherStore.Id], account.GetProperty("stores").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()));
        // A sees its own: the filter is not simply "nothing".
        using var a = tenants.Client(tenants.OwnerKeyA.Token);
        Assert.Contains((await JsonAsync(a, "/api/carts")).EnumerateArray(), c => c.GetProperty("id").GetInt64() == tenants.Targets.CartId);
        Assert.True((await JsonAsync(a, "/api/metrics")).GetProperty("abandonedCarts").GetInt64() > 0);
    }

    /// <summary>Non-GET endpoints that change nothing, so a viewer may call them.</summary>
    private static readonly Dictionary<string, string> ReadOnlyPosts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["POST /api/questionnaire"] = "computes a recommendation from five answers; stores nothing",
    };

    [Fact]
    public async Task EveryChangingEndpoint_CalledByAViewer_Is403ProblemAndChangesNothing()
    {
        var failures = await RefusedAsync(tenants.ViewerKeyA.Token,
            ApiSurfaces().Where(s => s.Method != "GET" && !ReadOnlyPosts.ContainsKey(s.Key)).ToList());

        Assert.True(failures.Count == 0, "A viewer was not refused:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task KeysTeamAuditAndNewStores_CalledByAMember_Are403ProblemAndChangeNothing()
    {
        var ownerOnly = ApiSurfaces().Where(s => s.Pattern.StartsWith("/api/keys", StringComparison.Ordinal)
            || s.Pattern.StartsWith("/api/team", StringComparison.Ordinal) || s.Pattern.StartsWith("/api/audit", StringComparison.Ordinal)
            || s.Key == "POST /api/stores" || s.Key == "PUT /api/stores/{id:long}/billing").ToList();

        var failures = await RefusedAsync(tenants.MemberKeyA.Token, ownerOnly);

        Assert.Equal(12, ownerOnly.Count);
        Assert.True(failures.Count == 0, "A member was not refused:\n" + string.Join("\n", failures));
        // What a member is for still works.
        using var member = tenants.Client(tenants.MemberKeyA.Token);
        var patched = await member.PatchAsync($"/api/stores/{Id(tenants.Targets.OwnStore.Id)}",
            new StringContent("""{"senderName":"Member"}""", Encoding.UTF8, "application/json"), TenantHost.Ct);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        tenants.Host.Database.Rebase();
    }

    private async Task<List<string>> RefusedAsync(string token, IReadOnlyList<AttackSurface> surfaces)
    {
        Assert.NotEmpty(surfaces);
        void Authorize(HttpRequestMessage r) => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var db = tenants.Host.Database;
        using (await SendAsync(Request("GET", "/api/account", null, Authorize)))
            db.Rebase();
        var failures = new List<string>();
        foreach (var surface in surfaces)
        {
            var (path, body) = RequestFor(surface);
            using var response = await SendAsync(Request(surface.Method, path, body, Authorize));
            if (response.StatusCode != HttpStatusCode.Forbidden || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{surface.Method} {path} → {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            if (db.ChangesSinceBaseline() is { Count: > 0 } changes)
            {
                failures.Add($"{surface.Method} {path} → the database changed: {string.Join("; ", changes)}");
                db.Rebase();
            }
        }
        return failures;
    }

    private string? Judge(AttackSurface surface, HttpResponseMessage response, string body)
    {
        var status = response.StatusCode;
        if (IsOperatorOnly(surface))
            return status == HttpStatusCode.Forbidden ? null : $"{(int)status} where only the operator may call it (403 due): {Excerpt(body)}";
        if (status == HttpStatusCode.NotFound)
            return response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? null : "404 that is not problem+json";
        if (OtherRefusals.TryGetValue(surface.Key, out var allowed) && allowed.Status == status)
            return null;
        if ((int)status is >= 200 and < 300)
            return MarkersOfA(tenants).FirstOrDefault(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } leak
                ? $"{(int)status} showing A's '{leak}': {Excerpt(body)}"
                : null;
        return $"{(int)status} (404 or an answer without A's data due): {Excerpt(body)}";
    }

    /// <summary>What identifies account A in any answer.</summary>
    internal static IEnumerable<string> MarkersOfA(TenantHost tenants)
    {
        var t = tenants.Targets;
        yield return TenantHost.AccountNameA;
        yield return t.OwnStore.Name;
        yield return t.WooStore.Name;
        yield return TenantHost.OwnerEmailA;
        yield return t.OwnStore.ExternalId;
        yield return t.OwnStore.PublicKey!;
        yield return t.WooStore.ExternalId;
        yield return t.WooStore.PublicKey!;
        yield return t.CartExternalId;
        yield return HostileHost.SuppressedEmail;
        yield return tenants.OwnerKeyA.Prefix;
        yield return tenants.SpareKeyA.Prefix;
        yield return $"\"storeId\":{Id(t.OwnStore.Id)}";
        yield return $"\"storeId\":{Id(t.WooStore.Id)}";
    }

    private (string Path, string? Body) RequestFor(AttackSurface surface)
    {
        var pattern = surface.Endpoint.RoutePattern;
        var values = pattern.Parameters.ToDictionary(p => p.Name, p => TryFill(p.Name, surface.Pattern, out var v) ? Uri.EscapeDataString(v) : "");
        var path = new RouteFill("A's ids", values).PathFor(pattern);
        var query = surface.QueryNames.Select(name => name switch
        {
            "storeId" => $"storeId={Id(tenants.Targets.OwnStore.Id)}",
            "accountId" => $"accountId={Id(tenants.AccountA)}",
            "cartId" => $"cartId={Id(tenants.Targets.CartId)}",
            _ => null,
        }).OfType<string>().ToList();
        return (query.Count == 0 ? path : $"{path}?{string.Join('&', query)}", ValidBodies.GetValueOrDefault(surface.Key));
    }

    private bool TryFill(string name, string path, out string value)
    {
        var t = tenants.Targets;
        value = name switch
        {
            "id" when path.StartsWith("/api/carts", StringComparison.Ordinal) => Id(t.CartId),
            "id" when path.StartsWith("/api/tasks", StringComparison.Ordinal) => Id(t.TaskId),
            "id" when path.StartsWith("/api/keys", StringComparison.Ordinal) => Id(tenants.SpareKeyA.Id),
            "id" when path.StartsWith("/api/team/invitations", StringComparison.Ordinal) => Id(tenants.InvitationA),
            "id" when path.StartsWith("/api/stores", StringComparison.Ordinal) => Id(t.OwnStore.Id),
            "userId" => Id(tenants.OwnerUserA),
            "sequenceId" => Id(t.OwnSequenceId),
            "email" => HostileHost.SuppressedEmail,
            "name" => SequencePresets.ReminderTemplate,
            "locale" => StoreTemplate.Locales[0],
            "part" => StoreTemplate.HtmlPart,
            _ => "",
        };
        return value.Length > 0;
    }

    // Deletions last, so A's own checks still find what the earlier requests aim at.
    private IEnumerable<AttackSurface> ApiSurfaces() => tenants.Host.Endpoints().SelectMany(AttackSurface.Of).Where(s => s.IsAdmin)
        .OrderBy(s => s.Method == "DELETE").ThenBy(s => s.Key, StringComparer.Ordinal);

    private static bool IsOperatorOnly(AttackSurface surface) =>
        surface.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == "Operator");

    private static HttpRequestMessage Request(string method, string path, string? body, Action<HttpRequestMessage> authorize)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        authorize(request);
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using (request)
            return await tenants.Host.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, TenantHost.Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TenantHost.Ct));
        return json.RootElement.Clone();
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Excerpt(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
