using System.Globalization;
using CartRecovery.Core.Email;
using CartRecovery.Core.Sequences;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CartRecovery.Web.Tests.Security;

/// <summary>
/// How a route's parameters are filled for one attack: with the tenant's real ids (the handler runs all the way), with
/// another tenant's, with unknown ones, or with garbage (already escaped: it goes into the path as it is).
/// </summary>
public sealed record RouteFill(string Name, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>An escaped query string (with its '?') sent after the path, or empty.</summary>
    public string Query { get; init; } = "";

    /// <summary>Garbage for any parameter: signs, overflow, traversal, NUL, invalid UTF-8, markup, 5,000 characters.</summary>
    public static readonly IReadOnlyList<string> Garbage =
    [
        "-1", "0", "9223372036854775808", "1e400", "NaN", "%00", "..%2F..%2Fapi%2Fstores", "%C3%28%FF", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%F0%9F%92%A9", new string('a', 5000),
    ];

    /// <summary>Parameter names this suite knows a value for; a route with any other name fails the coverage test.</summary>
    public static readonly IReadOnlySet<string> KnownParameters = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "sequenceId", "storeId", "publicKey", "storeKey", "token", "cartId", "sku", "handle", "email", "name", "locale", "part", "userId", "key",
    };

    /// <summary>The fills for an endpoint: own, another tenant's, unknown, then each garbage value in every parameter.</summary>
    public static IReadOnlyList<RouteFill> For(RoutePattern pattern, HostileTargets t)
    {
        var names = pattern.Parameters.Select(p => p.Name).ToList();
        if (names.Count == 0)
            return [new RouteFill("none", new Dictionary<string, string>())];
        var path = pattern.RawText ?? "";
        var fills = new List<RouteFill>
        {
            new("own", names.ToDictionary(n => n, n => Escape(Own(n, path, t)))),
            new("other tenant", names.ToDictionary(n => n, n => Escape(Other(n, path, t)))),
            new("unknown", names.ToDictionary(n => n, n => Escape(Unknown(n)))),
        };
        fills.AddRange(Garbage.Select((g, i) => new RouteFill($"garbage #{i}", names.ToDictionary(n => n, _ => g))));
        return fills;
    }

    /// <summary>The request path for this fill (literal segments as the pattern has them).</summary>
    public string PathFor(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => Values[parameter.Name],
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        })));
        var path = "/" + string.Join('/', segments);
        return (pattern.RawText?.EndsWith('/') == true && path.Length > 1 ? path + "/" : path) + Query;
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static string Own(string name, string path, HostileTargets t) => name switch
    {
        "id" when path.StartsWith("/api/carts", StringComparison.Ordinal) => Id(t.CartId),
        "id" when path.StartsWith("/api/tasks", StringComparison.Ordinal) => Id(t.TaskId),
        // Keys and members are the tenant suite's (TenantIsolationTests): here any id exercises the handler.
        "id" when path.StartsWith("/api/keys", StringComparison.Ordinal) => "1",
        "userId" => "1",
        "id" => Id(t.OwnStore.Id),
        "sequenceId" => Id(t.OwnSequenceId),
        "storeId" => Id(t.WooStore.Id),
        "publicKey" => t.WooStore.PublicKey!,
        // The SMS inbound address names its store by the store's public key.
        "storeKey" => t.WooStore.PublicKey!,
        "token" when path.StartsWith("/u/", StringComparison.Ordinal) => t.UnsubscribeToken,
        "token" => t.RestoreToken,
        "cartId" => t.CartExternalId,
        "sku" => "ALP-JKT-M",
        "handle" => "ridgeline-down-jacket",
        "email" => HostileHost.SuppressedEmail,
        "name" => SequencePresets.ReminderTemplate,
        "locale" => StoreTemplate.Locales[0],
        "part" => StoreTemplate.HtmlPart,
        // A rendered email preview's random key: only the person who rendered it finds it, so any value exercises the page.
        "key" => "preview-key",
        _ => throw new InvalidOperationException($"no value for route parameter '{name}': teach RouteFill or allow-list the endpoint"),
    };

    // Across tenants: the other store's id with this tenant's children, this store with the other's sequence, a token of
    // one kind used as the other.
    private static string Other(string name, string path, HostileTargets t) => name switch
    {
        "id" when path.StartsWith("/api/stores", StringComparison.Ordinal) => Id(t.OtherStore.Id),
        "sequenceId" => Id(t.OtherSequenceId),
        "storeId" => Id(t.OtherStore.Id),
        "publicKey" or "storeKey" => t.OtherStore.PublicKey!,
        "token" when path.StartsWith("/u/", StringComparison.Ordinal) => t.RestoreToken,
        "token" => t.UnsubscribeToken,
        _ => Own(name, path, t),
    };

    private static string Unknown(string name) => name switch
    {
        "id" or "sequenceId" or "storeId" or "userId" => "987654321",
        "publicKey" or "storeKey" or "token" => "pk_0000000000000000000000",
        "email" => "nobody@example.com",
        _ => "unknown-" + name,
    };

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
