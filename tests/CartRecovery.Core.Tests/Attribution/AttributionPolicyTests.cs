using CartRecovery.Core.Attribution;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Testing;

namespace CartRecovery.Core.Tests.Attribution;

public sealed class AttributionPolicyTests
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(7);
    private static readonly DateTimeOffset OrderedAt = TestData.Now.AddDays(3);

    private static OutboundMessage Sent(long id, int step, DateTimeOffset sentAt, DateTimeOffset? clickedAt = null) =>
        Sample.Message(id, step) with { Status = MessageStatus.Sent, SentAt = sentAt, ClickedAt = clickedAt };

    [Fact]
    public void Attribute_WhenNothingWasSent_IsUnassisted() =>
        Assert.Equal(Core.Attribution.Attribution.Unassisted, AttributionPolicy.Attribute([], OrderedAt, Window));

    [Fact]
    public void Attribute_WhenALinkWasClicked_CreditsTheClickedStepOverALaterSend()
    {
        var messages = new[] { Sent(1, 1, TestData.Now, clickedAt: TestData.Now.AddHours(2)), Sent(2, 2, TestData.Now.AddDays(1)) };

        var result = AttributionPolicy.Attribute(messages, OrderedAt, Window);

        Assert.Equal(new Core.Attribution.Attribution(1, 1), result);
    }

    [Fact]
    public void Attribute_WhenNothingWasClicked_CreditsTheLastSentStep()
    {
        var messages = new[] { Sent(1, 1, TestData.Now), Sent(2, 2, TestData.Now.AddDays(1)) };

        Assert.Equal(2, AttributionPolicy.Attribute(messages, OrderedAt, Window).Step);
    }

    [Fact]
    public void Attribute_WhenATextWasSentLast_CreditsTheSmsStepButNeverATask()
    {
        var messages = new[]
        {
            Sent(1, 1, TestData.Now),
            Sent(2, 2, TestData.Now.AddDays(1)) with { Kind = StepKind.Sms },
            Sent(3, 3, TestData.Now.AddDays(2)) with { Kind = StepKind.FollowUpTask },
        };

        Assert.Equal(new Core.Attribution.Attribution(2, 2), AttributionPolicy.Attribute(messages, OrderedAt, Window));
    }

    [Fact]
    public void Attribute_WhenTheSendIsOlderThanTheWindow_IsUnassisted()
    {
        var messages = new[] { Sent(1, 1, OrderedAt - Window - TimeSpan.FromSeconds(1)) };

        Assert.False(AttributionPolicy.Attribute(messages, OrderedAt, Window).IsRecovered);
    }

    [Fact]
    public void Attribute_WhenTheSendIsExactlyAtTheWindowEdge_IsRecovered()
    {
        var messages = new[] { Sent(1, 1, OrderedAt - Window) };

        Assert.True(AttributionPolicy.Attribute(messages, OrderedAt, Window).IsRecovered);
    }

    [Fact]
    public void Attribute_WhenTheOnlyMessageWasSentAfterTheOrder_IsUnassisted()
    {
        var messages = new[] { Sent(1, 1, OrderedAt.AddMinutes(1)) };

        Assert.False(AttributionPolicy.Attribute(messages, OrderedAt, Window).IsRecovered);
    }

    [Fact]
    public void Attribute_WhenMessagesArePendingOrCancelled_IgnoresThem()
    {
        var messages = new[] { Sample.Message(1) with { Status = MessageStatus.Cancelled, SentAt = null }, Sample.Message(2) with { Status = MessageStatus.Pending } };

        Assert.False(AttributionPolicy.Attribute(messages, OrderedAt, Window).IsRecovered);
    }
}
