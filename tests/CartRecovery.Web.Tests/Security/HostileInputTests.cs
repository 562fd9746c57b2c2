using System.Diagnostics;
using Microsoft.AspNetCore.Routing;

namespace CartRecovery.Web.Tests.Security;

/// <summary>
/// Every endpoint the app maps, attacked over real HTTP with malformed, undecodable, deep, oversized and oddly typed
/// bodies, wrong media types, long headers and garbage ids, with and without credentials (issue 11).
/// </summary>
public sealed class HostileInputTests(HostileHost host) : IClassFixture<HostileHost>
{
    [Fact]
    public void Endpoints_EveryOneIsAttackableOrAllowListed()
    {
        var surfaces = host.Endpoints().SelectMany(AttackSurface.Of).ToList();

        var unknownParameters = surfaces
            .SelectMany(s => s.Endpoint.RoutePattern.Parameters.Where(p => !RouteFill.KnownParameters.Contains(p.Name)).Select(p => $"{s.Key}: {{{p.Name}}}"))
            .ToList();
        var staleAllowList = AttackSurface.Public.Keys.Concat(AttackSurface.IgnoresBody.Keys)
            .Where(key => surfaces.All(s => s.Key != key)).ToList();

        Assert.True(unknownParameters.Count == 0,
            "Routes with parameters the suite cannot fill (teach RouteFill a real value for them): " + string.Join(", ", unknownParameters));
        Assert.True(staleAllowList.Count == 0, "Allow-list entries for endpoints that no longer exist: " + string.Join(", ", staleAllowList));
        // The data source is the app's own: the admin API, webhooks and capture are all there.
        Assert.Contains(surfaces, s => s.Key == "PATCH /api/stores/{id:long}");
        Assert.Contains(surfaces, s => s.Key == "POST /webhooks/shopify");
        Assert.Contains(surfaces, s => s.Key == "POST /capture/{publicKey}");
        Assert.Contains(surfaces, s => s.Key == "GET /api/carts" && s.QueryNames.Contains("take"));
    }

    [Fact]
    public async Task FixedAttacks_OnEveryEndpoint_AreRefusedWithoutA5xxOrAnyWrite()
    {
        var attacker = new Attacker(host);
        var clock = Stopwatch.StartNew();
        host.Database.Rebase();

        foreach (var surface in Surfaces())
        {
            foreach (var fill in RouteFill.For(surface.Endpoint.RoutePattern, host.Targets))
            {
                // Every payload with the tenant's own ids (the handler runs all the way); the basic ones across tenants and
                // with unknown ids; an empty body with garbage ids (routing and binding of the path are what is attacked).
                var payloads = fill.Name is "own" or "none" ? HostilePayloads.For(surface)
                    : fill.Name.StartsWith("garbage", StringComparison.Ordinal) ? HostilePayloads.Basic.Take(1)
                    : HostilePayloads.Basic;
                foreach (var payload in payloads)
                    await attacker.AttackAsync(surface, fill, payload);
            }
            var own = RouteFill.For(surface.Endpoint.RoutePattern, host.Targets)[0];
            foreach (var value in RouteFill.Garbage)
            {
                var query = "?" + string.Join('&', surface.QueryNames.Select(name => $"{name}={value}"));
                if (surface.QueryNames.Count > 0)
                    await attacker.AttackAsync(surface, own with { Name = $"own, query {Shorten(value)}", Query = query }, HostilePayloads.Basic[0]);
            }
            await attacker.ExpectHealthyAsync($"after attacking {surface}");
        }

        Report(attacker, clock, "fixed");
    }

    private static string Shorten(string value) => value.Length > 20 ? value[..20] + "…" : value;

    private IEnumerable<AttackSurface> Surfaces() =>
        host.Endpoints().SelectMany(AttackSurface.Of).OrderBy(s => s.Key, StringComparer.Ordinal);

    internal static void Report(Attacker attacker, Stopwatch clock, string kind)
    {
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{attacker.Sent} {kind} hostile requests in {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var (payload, time) in attacker.TimeByPayload.OrderByDescending(p => p.Value).Take(8))
            output?.WriteLine($"  {time.TotalSeconds:0.0} s sending '{payload}'");
        foreach (var known in KnownFindings.Keys)
            output?.WriteLine(attacker.KnownFindingsSeen.Contains(known) ? $"known finding still there: {known}" : $"known finding not seen (fixed? remove it): {known}");
        Assert.True(attacker.Failures.Count == 0, $"{attacker.Failures.Count} failures:\n" + string.Join("\n", attacker.Failures));
    }
}
