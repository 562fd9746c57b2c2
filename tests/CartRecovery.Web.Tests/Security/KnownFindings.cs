namespace CartRecovery.Web.Tests.Security;

/// <summary>
/// Failures the suite finds today whose fixes other people are making at the same time (issue 11). Each is tolerated
/// here only in its exact shape, and has a named, skipped regression test in <see cref="KnownFindingTests"/>: once the
/// fix is merged, unskip that test and delete the entry (the suite prints entries that no longer reproduce).
/// </summary>
internal static class KnownFindings
{
    public const string CaptureInvalidUtf8 = "invalid UTF-8 (or a lone surrogate) in a field posted to /capture/{key} is a 500";

    private static readonly (string Key, Func<AttackSurface, HostilePayload, bool, int, bool> Matches)[] All =
    [
        (CaptureInvalidUtf8, (surface, payload, withCredentials, status) =>
            surface.Key == "POST /capture/{publicKey}" && withCredentials && status == 500
            && payload.Name is HostilePayloads.InvalidUtf8Name or "lone surrogate in every field"),
    ];

    public static IReadOnlyList<string> Keys => All.Select(f => f.Key).ToList();

    public static string? Match(AttackSurface surface, HostilePayload payload, bool withCredentials, int status) =>
        All.FirstOrDefault(f => f.Matches(surface, payload, withCredentials, status)).Key;
}
