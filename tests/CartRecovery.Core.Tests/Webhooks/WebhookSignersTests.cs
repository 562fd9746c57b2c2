using CartRecovery.Core.Webhooks;
using CartRecovery.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Core.Tests.Webhooks;

public sealed class WebhookSignersTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly FakeTimeProvider _time = new(TestData.Now);
    private int _loads;

    private Task<string> Load(CancellationToken ct) => Task.FromResult($"secret-{++_loads}");

    [Fact]
    public async Task Get_WithinItsLifetime_LoadsOnce()
    {
        var signers = new WebhookSigners(_time);

        Assert.Equal("secret-1", await signers.GetAsync("shop:a", Load, Ct));
        _time.Advance(WebhookSigners.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal("secret-1", await signers.GetAsync("shop:a", Load, Ct));
        Assert.Equal(1, _loads);
    }

    [Fact]
    public async Task Get_AfterItsLifetime_LoadsAgain()
    {
        var signers = new WebhookSigners(_time);
        await signers.GetAsync("shop:a", Load, Ct);

        _time.Advance(WebhookSigners.Lifetime);

        Assert.Equal("secret-2", await signers.GetAsync("shop:a", Load, Ct));
    }

    [Fact]
    public async Task Get_KeepsKeysApart()
    {
        var signers = new WebhookSigners(_time);

        Assert.Equal("secret-1", await signers.GetAsync("shop:a", Load, Ct));
        Assert.Equal("secret-2", await signers.GetAsync("shop:b", Load, Ct));
    }

    [Fact]
    public async Task Refresh_ReadsAgainButAtMostOncePerInterval()
    {
        var signers = new WebhookSigners(_time);
        await signers.GetAsync("shop:a", Load, Ct);

        // Just read: a failing signature does not force another read (a flood of forgeries costs nothing).
        Assert.Null(await signers.RefreshAsync("shop:a", Load, Ct));
        _time.Advance(WebhookSigners.RefreshEvery);
        Assert.Equal("secret-2", await signers.RefreshAsync("shop:a", Load, Ct));
        Assert.Equal("secret-2", await signers.GetAsync("shop:a", Load, Ct));
        Assert.Null(await signers.RefreshAsync("shop:a", Load, Ct));
    }

    [Fact]
    public async Task Clear_ForgetsEverything()
    {
        var signers = new WebhookSigners(_time);
        await signers.GetAsync("shop:a", Load, Ct);

        signers.Clear();

        Assert.Equal("secret-2", await signers.GetAsync("shop:a", Load, Ct));
    }
}
