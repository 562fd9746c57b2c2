using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Billing;
using CartRecovery.Core.Email;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace CartRecovery.Core.Tests.Stores;

public sealed class StoreLifecycleTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly Mock<IStoreRepository> _stores = new();
    private readonly Mock<IStoreCredentialRepository> _credentials = new();
    private readonly Mock<IMessageRepository> _messages = new();
    private readonly Mock<IPrivacyRepository> _privacy = new();

    public StoreLifecycleTests() =>
        _privacy.Setup(p => p.ListMessageIdsAsync(It.IsAny<long>(), It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);

    private StoreLifecycle Create() => new(_stores.Object, _credentials.Object, _messages.Object, new DataErasure(_privacy.Object, Mock.Of<IEmailTransport>()),
        Mock.Of<ISubscriptionRepository>(), new WebhookSigners(TimeProvider.System), TimeProvider.System, NullLogger<StoreLifecycle>.Instance);

    [Fact]
    public async Task Uninstall_MarksTheStoreCancelsMessagesAndDropsCredentials()
    {
        _stores.Setup(s => s.GetAsync(1, Ct)).ReturnsAsync(TestData.Store());

        Assert.True(await Create().UninstallAsync(1, Ct));

        _stores.Verify(s => s.UpsertAsync(It.Is<Store>(x => x.Status == StoreStatus.Uninstalled), Ct));
        _messages.Verify(m => m.CancelPendingForStoreAsync(1, It.IsAny<string>(), Ct));
        _credentials.Verify(c => c.DeleteAsync(1, Ct));
        _privacy.Verify(p => p.EraseStoreDataAsync(It.IsAny<long>(), Ct), Times.Never);
    }

    [Fact]
    public async Task Uninstall_WhenTheStoreIsUnknown_DoesNothing()
    {
        Assert.False(await Create().UninstallAsync(99, Ct));
        _credentials.Verify(c => c.DeleteAsync(It.IsAny<long>(), Ct), Times.Never);
    }

    [Fact]
    public async Task Erase_UninstallsThenErasesTheStoresData()
    {
        _stores.Setup(s => s.GetAsync(1, Ct)).ReturnsAsync(TestData.Store() with { Status = StoreStatus.Uninstalled });

        await Create().EraseAsync(1, Ct);

        _stores.Verify(s => s.UpsertAsync(It.IsAny<Store>(), Ct), Times.Never);
        _privacy.Verify(p => p.EraseStoreDataAsync(1, Ct));
    }
}
