using CartRecovery.Core.Email;
using CartRecovery.Core.Privacy;
using Moq;

namespace CartRecovery.Core.Tests.Privacy;

public sealed class DataErasureTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly Mock<IPrivacyRepository> _privacy = new(MockBehavior.Strict);
    private readonly Mock<IEmailTransport> _transport = new();

    [Fact]
    public async Task EraseCustomer_WhenTheTransportKeepsCopies_ErasesTheCopiesOfTheCustomersMessagesAfterTheRows()
    {
        var order = new List<string>();
        _privacy.Setup(p => p.ListMessageIdsAsync(1, "ada@example.com", Ct)).ReturnsAsync([11, 12]);
        _privacy.Setup(p => p.EraseCustomerAsync(1, "ada@example.com", Ct)).Callback(() => order.Add("rows")).ReturnsAsync(1);
        var eraser = _transport.As<ISentEmailEraser>();
        eraser.Setup(e => e.EraseAsync(It.IsAny<IReadOnlyCollection<long>>(), Ct)).Callback(() => order.Add("copies")).Returns(Task.CompletedTask);

        Assert.Equal(1, await new DataErasure(_privacy.Object, _transport.Object).EraseCustomerAsync(1, "ada@example.com", Ct));

        eraser.Verify(e => e.EraseAsync(new long[] { 11, 12 }, Ct));
        Assert.Equal(["rows", "copies"], order);
    }

    [Fact]
    public async Task EraseStore_WhenTheTransportKeepsCopies_ErasesTheCopiesOfEveryMessageOfTheStore()
    {
        _privacy.Setup(p => p.ListMessageIdsAsync(1, null, Ct)).ReturnsAsync([21]);
        _privacy.Setup(p => p.EraseStoreDataAsync(1, Ct)).Returns(Task.CompletedTask);
        var eraser = _transport.As<ISentEmailEraser>();

        await new DataErasure(_privacy.Object, _transport.Object).EraseStoreAsync(1, Ct);

        eraser.Verify(e => e.EraseAsync(new long[] { 21 }, Ct));
    }

    [Fact]
    public async Task EraseCustomer_WhenTheTransportKeepsNoCopies_ErasesTheRowsOnly()
    {
        _privacy.Setup(p => p.ListMessageIdsAsync(1, "ada@example.com", Ct)).ReturnsAsync([11]);
        _privacy.Setup(p => p.EraseCustomerAsync(1, "ada@example.com", Ct)).ReturnsAsync(1);

        Assert.Equal(1, await new DataErasure(_privacy.Object, Mock.Of<IEmailTransport>()).EraseCustomerAsync(1, "ada@example.com", Ct));
    }
}
