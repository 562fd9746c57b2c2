using CartRecovery.Connectors.Shopify;
using CartRecovery.Connectors.Shopify.Admin;
using CartRecovery.Connectors.Shopify.Auth;
using CartRecovery.Core.Outbound;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;
using Microsoft.Extensions.Options;
using Moq;

namespace CartRecovery.Connectors.Tests.Shopify;

/// <summary>Builds the connector's pieces around one fake Shopify, one clock and mocked credentials.</summary>
internal sealed class ShopifyTestKit : IDisposable
{
    public const string Shop = "maple-goods.myshopify.com";
    public const string StoreToken = "shpat_store_token";

    public ShopifyTestKit(Func<RecordedRequest, HttpResponseMessage> respond)
        : this(new FakeShopifyHandler(respond))
    {
    }

    public ShopifyTestKit(FakeShopifyHandler handler)
    {
        Handler = handler;
        Credentials.Setup(c => c.GetAsync(It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((long id, CancellationToken _) => new StoreCredentials { StoreId = id, AccessToken = StoreToken, UpdatedAt = FixtureTime.Now });
    }

    public FakeShopifyHandler Handler { get; }

    public RecordingTimeProvider Time { get; } = new(FixtureTime.Now);

    public ShopifyOptions Options { get; } = new() { ClientId = "client-id", ClientSecret = "client-secret" };

    public Mock<IStoreCredentialRepository> Credentials { get; } = new();

    /// <summary>Tests give custom apps loopback http API addresses: allowed here, refused by default (see ShopifyOnboardingTests).</summary>
    public OutboundOptions Outbound { get; } = new() { AllowHttp = true, AllowPrivateNetworks = true };

    public IOptions<ShopifyOptions> OptionsAccessor => Microsoft.Extensions.Options.Options.Create(Options);

    public ShopifyAdminClient Admin() => new(Handler.Client(), OptionsAccessor, Time);

    public ShopifyOAuthClient OAuth() => new(Handler.Client(), OptionsAccessor);

    public ShopifyTokenProvider Tokens() => new(Credentials.Object, OAuth(), OptionsAccessor, Time);

    public ShopifyStoreApi Api() => new(Admin(), Tokens(), OptionsAccessor);

    /// <summary>A connected, active Shopify store with id 1.</summary>
    public static Store Store(StoreStatus status = StoreStatus.Active) => TestData.Store() with
    {
        Platform = Platforms.Shopify,
        ExternalId = Shop,
        Name = "Maple Goods",
        StorefrontUrl = "https://maple-goods.example.com/",
        Currency = "USD",
        Status = status,
    };

    /// <summary>Runs <paramref name="action"/>, moving the fake clock on while it waits (backoffs, throttle waits).</summary>
    public async Task<T> AdvanceUntilDoneAsync<T>(Func<Task<T>> action, TimeSpan? step = null)
    {
        var task = action();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!task.IsCompleted)
        {
            await Task.WhenAny(task, Task.Delay(5, limit.Token));
            limit.Token.ThrowIfCancellationRequested();
            Time.Advance(step ?? TimeSpan.FromSeconds(1));
        }
        return await task;
    }

    public void Dispose() => Handler.Dispose();
}
