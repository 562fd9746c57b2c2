namespace CartRecovery.Connectors.Tests;

/// <summary>
/// The instant the connector tests run at: Sunday 22 November 2026, 17:00 UTC, just after the recorded checkouts and
/// orders under <c>Fixtures/</c> were last updated. Cursors, signatures, token expiries and discount windows are
/// compared with the payloads' own times, so these tests keep this instant rather than the kit's
/// <see cref="Testing.FixtureTime.Now"/>.
/// </summary>
internal static class FixtureTime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 17, 0, 0, TimeSpan.Zero);
}
