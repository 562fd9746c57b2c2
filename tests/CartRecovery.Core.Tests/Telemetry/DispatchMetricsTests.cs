using CartRecovery.Core.Sequences;
using CartRecovery.Core.Telemetry;

namespace CartRecovery.Core.Tests.Telemetry;

public sealed class DispatchMetricsTests
{
    private sealed class PostmarkTransport;
    private sealed class PickupFolderTransport;
    private sealed class Transport;

    [Fact]
    public void TransportName_DropsTheSuffixAndLowercases()
    {
        Assert.Equal(["postmark", "pickupfolder", "transport"],
            [DispatchMetrics.TransportName(new PostmarkTransport()), DispatchMetrics.TransportName(new PickupFolderTransport()),
                DispatchMetrics.TransportName(new Transport())]);
    }

    [Fact]
    public void ChannelOf_NamesEachStepKind()
    {
        Assert.Equal(["email", "task", "sms"], [DispatchMetrics.ChannelOf(StepKind.Email), DispatchMetrics.ChannelOf(StepKind.FollowUpTask),
            DispatchMetrics.ChannelOf(StepKind.Sms)]);
    }
}
