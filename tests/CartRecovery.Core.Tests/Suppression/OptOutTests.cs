using CartRecovery.Core.Suppression;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CartRecovery.Core.Tests.Suppression;

public sealed class OptOutTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly Mock<ISuppressionList> _suppressions = new();
    private readonly FakeTimeProvider _time = new(TestData.Now);

    private OptOut Create() => new(_suppressions.Object, _time, NullLogger<OptOut>.Instance);

    [Fact]
    public async Task Record_AppliesTheTrimmedRequestAtTheClocksTime_AndReturnsWhatChanged()
    {
        _suppressions.Setup(s => s.OptOutAsync(It.IsAny<OptOutRecord>(), Ct)).ReturnsAsync(new OptOutResult(2, 1, 1));

        var result = await Create().RecordAsync(new(4, " Ana@Example.com ", " unsubscribed ", 10), Ct);

        Assert.Equal(new OptOutResult(2, 1, 1), result);
        _suppressions.Verify(s => s.OptOutAsync(new(4, "Ana@Example.com", "unsubscribed", 10, TestData.Now, TestData.Now), Ct));
    }

    [Fact]
    public async Task Record_WhenTheProviderSaysWhen_SuppressesAsOfThenButClosesNow()
    {
        var seen = TestData.Now.AddMinutes(-3);

        await Create().RecordAsync(new(4, "ana@example.com", "postmark: HardBounce", 10, seen), Ct);
        await Create().RecordAsync(new(4, "ana@example.com", "postmark: HardBounce", 10, TestData.Now.AddDays(1)), Ct);

        _suppressions.Verify(s => s.OptOutAsync(new(4, "ana@example.com", "postmark: HardBounce", 10, seen, TestData.Now), Ct));
        // A provider clock ahead of ours does not date the suppression in the future.
        _suppressions.Verify(s => s.OptOutAsync(new(4, "ana@example.com", "postmark: HardBounce", 10, TestData.Now, TestData.Now), Ct));
    }

    [Theory]
    [InlineData(" ", "unsubscribed")]
    [InlineData("ana@example.com", "")]
    public async Task Record_WithoutAnAddressOrAReason_ThrowsAndChangesNothing(string email, string reason)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Create().RecordAsync(new(4, email, reason), Ct));

        _suppressions.VerifyNoOtherCalls();
    }
}
