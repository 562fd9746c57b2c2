using CartRecovery.Core.FeedHealth;
using CartRecovery.Core.Storefronts;

namespace CartRecovery.Core.Tests.FeedHealth;

/// <summary>A poll refused its credentials (401/403 anywhere in the causes) is recorded with a mark the feed check reads back.</summary>
public sealed class PollFailureTests
{
    [Theory]
    [InlineData(401, true)]
    [InlineData(403, true)]
    [InlineData(500, false)]
    [InlineData(null, false)]
    public void Describe_MarksRefusedCredentialsOnly(int? status, bool refused)
    {
        var error = new InvalidOperationException("poll failed", new PlatformError(status));

        var recorded = PollFailure.Describe(error);

        Assert.Equal(refused, PollFailure.IsCredentialsRefused(error));
        Assert.Equal(refused ? FeedProblem.CredentialsRefused : FeedProblem.PollFailing, PollFailure.Classify(recorded));
        Assert.EndsWith("poll failed", recorded, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_NothingRecorded_IsAPollFailure() => Assert.Equal(FeedProblem.PollFailing, PollFailure.Classify(null));

    private sealed class PlatformError(int? status) : Exception("platform said no"), IPlatformApiFailure
    {
        public int? StatusCode => status;
    }
}
