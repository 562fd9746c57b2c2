using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsCheck;

namespace CartRecovery.Web.Tests.Security;

/// <summary>
/// Generated hostile bodies (CsCheck): random bytes and random JSON-ish documents aimed at each endpoint's own fields,
/// on every endpoint with the tenant's ids, with and without credentials. The seed is fixed, so a run is repeatable;
/// <c>CARTRECOVERY_HOSTILE_SEED</c> (a number) varies it, and every run prints the seed it used.
/// </summary>
public sealed class GeneratedInputTests(HostileHost host) : IClassFixture<HostileHost>
{
    public const string SeedVariable = "CARTRECOVERY_HOSTILE_SEED";
    private const ulong DefaultSeed = 20261124;
    private const int BytesPerSurface = 6;
    private const int DocumentsPerSurface = 16;

    private static readonly string[] Words =
    [
        "", " ", "null", "0", "-1", "NaN", "Infinity", "9223372036854775807", "9223372036854775808", "1e400", "-0", "true",
        "a\r\nBcc: x@example.com", "<script>alert(1)</script>", "{{ 7 | times: 7 }}", "{% if true %}x{% endif %}", "../../etc/passwd",
        "\u0000", "\u202e", "é", "\ud83d\udca9", "javascript:alert(1)", "http://127.0.0.1/", "a@b", new string('x', 4097),
    ];

    [Fact]
    public async Task GeneratedBodies_OnEveryEndpoint_NeverFailOrWriteWhenRefused()
    {
        var seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } text
            ? ulong.Parse(text, CultureInfo.InvariantCulture) : DefaultSeed;
        TestContext.Current.TestOutputHelper?.WriteLine($"{SeedVariable}={seed} (set it to replay or vary this run)");
        var pcg = new PCG(1, seed);
        var attacker = new Attacker(host);
        var clock = Stopwatch.StartNew();
        host.Database.Rebase();

        foreach (var surface in host.Endpoints().SelectMany(AttackSurface.Of).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var own = RouteFill.For(surface.Endpoint.RoutePattern, host.Targets)[0];
            var bytes = Gen.Byte.Array[0, 2048];
            var documents = Document(surface.FieldNames);
            for (var i = 0; i < BytesPerSurface; i++)
                await attacker.AttackAsync(surface, own, Payload($"random bytes #{i}", bytes.Generate(pcg, null, out _)));
            for (var i = 0; i < DocumentsPerSurface; i++)
                await attacker.AttackAsync(surface, own, Payload($"random document #{i}", Encoding.UTF8.GetBytes(documents.Generate(pcg, null, out _))));
            await attacker.ExpectHealthyAsync($"after generated bodies on {surface}");
        }

        HostileInputTests.Report(attacker, clock, $"generated (seed {seed})");
    }

    // Generated bodies may be valid requests: the rules are never a 5xx, nothing written when refused, no success
    // without credentials on strict endpoints. The body is shown in full in a failure, so it can be replayed.
    private static HostilePayload Payload(string name, byte[] body) =>
        new($"{name}: {Show(body)}", Refusal.Never, body, HostilePayloads.Json);

    private static string Show(byte[] body) => body.Length <= 200 ? Convert.ToHexString(body) : Convert.ToHexString(body.AsSpan(0, 200)) + "…";

    /// <summary>An object naming some of the endpoint's fields (and unknown ones), with values nested up to three deep.</summary>
    private static Gen<string> Document(IReadOnlyList<string> fields)
    {
        var names = Gen.OneOf(Gen.OneOf(fields.ToArray()), Gen.OneOf(Words), Gen.String[0, 12].Select(Quote).Select(q => q[1..^1]));
        var scalar = Gen.OneOf(
            Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture)),
            Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e400"),
            Gen.Int[-3, 3].Select(n => n.ToString(CultureInfo.InvariantCulture)),
            Gen.OneOf(Words).Select(Quote),
            Gen.String[0, 40].Select(Quote),
            Gen.OneOf("true", "false", "null", "1e400", "-0", "9223372036854775808", "0.0000000000000000000001"));
        Gen<string> Value(int depth) => depth == 0 ? scalar : Gen.Frequency<string>(
            (6, scalar),
            (1, Value(depth - 1).Array[0, 4].Select(items => "[" + string.Join(',', items) + "]")),
            (1, Object(depth - 1)));
        Gen<string> Object(int depth) => Gen.Select(names, Value(depth)).Array[0, 6]
            .Select(pairs => "{" + string.Join(',', pairs.Select(p => $"\"{p.Item1}\":{p.Item2}")) + "}");
        return Object(3);
    }

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
