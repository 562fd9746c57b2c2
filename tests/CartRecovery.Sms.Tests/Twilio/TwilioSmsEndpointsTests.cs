using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;
using CartRecovery.Sms.Twilio;
using CartRecovery.Testing;
using CartRecovery.Testing.Emulators.Twilio;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CartRecovery.Sms.Tests.Twilio;

/// <summary>STOP and START round trips through the signed incoming-message webhook, posted by the Twilio emulator.</summary>
public sealed class TwilioSmsEndpointsTests : IAsyncLifetime
{
    private const string Customer = "+33612345678";
    private const string Sender = "+33757000000";
    private readonly InMemorySuppressions _suppressions = new();
    private LoopbackHost _app = null!;
    private TwilioEmulator _twilio = null!;
    private Store _store = null!;

    public async ValueTask InitializeAsync()
    {
        _store = TestData.Store(id: 7) with { PublicKey = "pk_maple" };
        var stores = new Mock<IStoreRepository>();
        stores.Setup(s => s.FindByPublicKeyAsync("pk_maple", It.IsAny<CancellationToken>())).ReturnsAsync(_store);

        _app = await LoopbackHost.StartAsync(app => app.MapTwilioSms(), services =>
        {
            services.AddSingleton(stores.Object);
            services.AddSingleton<ISmsSuppressionList>(_suppressions);
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestData.Now));
            services.AddSingleton<SmsOptOuts>();
            services.AddSingleton(Options.Create(new TwilioOptions
            {
                AccountSid = TwilioEmulator.AccountSid,
                AuthToken = TwilioEmulator.AuthToken,
                StatusCallbackUrl = new Uri("https://app.example.com/sms/twilio/status"),
            }));
        }, TestContext.Current.CancellationToken);
        _twilio = await TwilioEmulator.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _twilio.DisposeAsync();
        await _app.DisposeAsync();
    }

    private Uri Inbound(string key = "pk_maple") => new(_app.BaseUrl, $"sms/twilio/{key}/inbound");

    [Theory]
    [InlineData("STOP")]
    [InlineData("Arrêt")]
    [InlineData("arret")]
    public async Task Inbound_StopThenStart_SuppressesTheNumberForTheStoreThenLiftsIt(string stop)
    {
        Assert.Equal(200, await _twilio.DeliverInboundAsync(Inbound(), Customer, Sender, stop));
        Assert.True(await _suppressions.IsSuppressedAsync(_store.Id, Customer, TestContext.Current.CancellationToken));
        Assert.False(await _suppressions.IsSuppressedAsync(8, Customer, TestContext.Current.CancellationToken));

        Assert.Equal(200, await _twilio.DeliverInboundAsync(Inbound(), Customer, Sender, "START"));
        Assert.False(await _suppressions.IsSuppressedAsync(_store.Id, Customer, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Inbound_AnyOtherText_ChangesNothing()
    {
        Assert.Equal(200, await _twilio.DeliverInboundAsync(Inbound(), Customer, Sender, "Is the blue one in stock?"));

        Assert.Empty(_suppressions.Numbers);
    }

    [Fact]
    public async Task Inbound_ForgedSignature_Is401AndSuppressesNothing()
    {
        var forged = TwilioRequestSigner.Sign("not-our-token", Inbound().AbsoluteUri, new Dictionary<string, string> { ["Body"] = "STOP" });

        Assert.Equal(401, await _twilio.DeliverInboundAsync(Inbound(), Customer, Sender, "STOP", forgedSignature: forged));
        Assert.Equal(401, await _twilio.DeliverInboundAsync(Inbound(), Customer, Sender, "STOP", forgedSignature: ""));
        Assert.Empty(_suppressions.Numbers);
    }

    [Fact]
    public async Task Inbound_UnknownStoreKey_Is404()
    {
        Assert.Equal(404, await _twilio.DeliverInboundAsync(Inbound("pk_nobody"), Customer, Sender, "STOP"));
        Assert.Empty(_suppressions.Numbers);
    }

    private sealed class InMemorySuppressions : ISmsSuppressionList
    {
        private readonly HashSet<(long, string)> _numbers = [];

        public IReadOnlyCollection<(long, string)> Numbers
        {
            get { lock (_numbers) return [.. _numbers]; }
        }

        public Task<bool> IsSuppressedAsync(long storeId, string e164, CancellationToken ct)
        {
            lock (_numbers) return Task.FromResult(_numbers.Contains((storeId, e164)));
        }

        public Task SuppressAsync(long storeId, string e164, string reason, DateTimeOffset at, CancellationToken ct)
        {
            lock (_numbers) _numbers.Add((storeId, e164));
            return Task.CompletedTask;
        }

        public Task<bool> RemoveAsync(long storeId, string e164, CancellationToken ct)
        {
            lock (_numbers) return Task.FromResult(_numbers.Remove((storeId, e164)));
        }
    }
}
