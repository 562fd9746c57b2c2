using CartRecovery.Core.Accounts;
using CartRecovery.Testing;

namespace CartRecovery.Core.Tests.Accounts;

public sealed class SessionLifetimeTests
{
    private static readonly DateTimeOffset Now = TestData.Now;
    private static readonly SessionLifetime Lifetime = new(TimeSpan.FromHours(12), TimeSpan.FromDays(14));

    private static UserSession Started() => Lifetime.Start([1, 2, 3], userId: 7, accountId: 3, Now);

    [Fact]
    public void IsAlive_JustBeforeTheIdleLimit_IsTrue() =>
        Assert.True(Lifetime.IsAlive(Started(), Now + TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1)));

    [Fact]
    public void IsAlive_AtTheIdleLimit_IsFalse() => Assert.False(Lifetime.IsAlive(Started(), Now + TimeSpan.FromHours(12)));

    [Fact]
    public void IsAlive_WhenUsedRecentlyButPastTheAbsoluteLifetime_IsFalse()
    {
        var busy = Started() with { LastSeenAt = Now + TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1) };

        Assert.True(Lifetime.IsAlive(busy, Now + TimeSpan.FromDays(14) - TimeSpan.FromSeconds(1)));
        Assert.False(Lifetime.IsAlive(busy, Now + TimeSpan.FromDays(14)));
    }

    [Fact]
    public void NeedsTouch_WithinAMinuteOfTheLastActivity_IsFalse()
    {
        Assert.False(SessionLifetime.NeedsTouch(Started(), Now + TimeSpan.FromSeconds(59)));
        Assert.True(SessionLifetime.NeedsTouch(Started(), Now + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Start_SetsTheAbsoluteExpiryFromNow()
    {
        var session = Started();

        Assert.Equal((Now, Now, Now + TimeSpan.FromDays(14), 7L, 3L), (session.CreatedAt, session.LastSeenAt, session.ExpiresAt, session.UserId, session.AccountId!.Value));
    }
}
