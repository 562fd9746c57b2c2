using System.Text.Json;
using CartRecovery.Email.Postmark.Webhooks;

namespace CartRecovery.Email.Tests.Postmark;

public sealed class PostmarkWebhookParserTests
{
    private static readonly DateTimeOffset SampleTime = new(2019, 11, 5, 16, 33, 54, TimeSpan.Zero);

    [Fact]
    public void Parse_DeliverySample_ReadsCommonFieldsAndDoesNotSuppress()
    {
        var delivery = Parse(PostmarkWebhookSamples.Delivery);

        Assert.Equal(PostmarkRecordType.Delivery, delivery.RecordType);
        Assert.Equal("00000000-0000-0000-0000-000000000000", delivery.MessageId);
        Assert.Equal("john@example.com", delivery.Recipient);
        Assert.Equal("welcome-email", delivery.Tag);
        Assert.Equal("outbound", delivery.MessageStream);
        Assert.Equal(23, delivery.ServerId);
        Assert.Equal(new Dictionary<string, string> { ["a_key"] = "a_value", ["b_key"] = "b_value" }, delivery.Metadata);
        Assert.Equal(SampleTime.AddTicks(9070259), delivery.DeliveredAt);
        Assert.Equal(delivery.DeliveredAt, delivery.OccurredAt);
        Assert.False(delivery.ShouldSuppress);
        Assert.False(delivery.ShouldUnsuppress);
    }

    [Fact]
    public void Parse_HardBounceSample_IsHardAndSuppresses()
    {
        var bounce = Parse(PostmarkWebhookSamples.HardBounce);

        Assert.Equal(PostmarkRecordType.Bounce, bounce.RecordType);
        Assert.True(bounce.IsHardBounce);
        Assert.True(bounce.ShouldSuppress);
        Assert.Equal(4323372036854775807, bounce.BounceId);
        Assert.Equal("HardBounce", bounce.BounceType);
        Assert.Equal(1, bounce.BounceTypeCode);
        Assert.True(bounce.Inactive);
        Assert.True(bounce.CanActivate);
        Assert.Equal("john@example.com", bounce.Recipient);
        Assert.Equal("883953f4-6105-42a2-a16a-77a8eac79483", bounce.MessageId);
        Assert.Equal(SampleTime.AddTicks(9070259), bounce.BouncedAt);
    }

    [Fact]
    public void Parse_SoftBounce_IsNeitherHardNorSuppressing()
    {
        var bounce = Parse(PostmarkWebhookSamples.SoftBounce);

        Assert.Equal(PostmarkRecordType.Bounce, bounce.RecordType);
        Assert.False(bounce.IsHardBounce);
        Assert.False(bounce.ShouldSuppress);
        Assert.False(bounce.Inactive);
    }

    [Theory]
    [InlineData("Transient", 2, true, true)]
    [InlineData("BadEmailAddress", 100000, false, true)]
    [InlineData("ManuallyDeactivated", 100002, false, true)]
    [InlineData("AutoResponder", 64, false, false)]
    [InlineData("DnsError", 256, false, false)]
    public void Parse_BounceOfType_SuppressesWhenPermanentOrDeactivated(string type, int typeCode, bool inactive, bool suppress)
    {
        var payload = PostmarkWebhookSamples.SoftBounce
            .Replace("\"SoftBounce\"", $"\"{type}\"", StringComparison.Ordinal)
            .Replace("4096", typeCode.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("\"Inactive\": false", $"\"Inactive\": {(inactive ? "true" : "false")}", StringComparison.Ordinal);

        Assert.Equal(suppress, Parse(payload).ShouldSuppress);
    }

    [Fact]
    public void Parse_SpamComplaintSample_SuppressesWithoutBeingAHardBounce()
    {
        var complaint = Parse(PostmarkWebhookSamples.SpamComplaint);

        Assert.Equal(PostmarkRecordType.SpamComplaint, complaint.RecordType);
        Assert.True(complaint.ShouldSuppress);
        Assert.False(complaint.IsHardBounce);
        Assert.Equal("john@example.com", complaint.Recipient);
        Assert.Equal(42, complaint.BounceId);
        Assert.False(complaint.CanActivate);
    }

    [Fact]
    public void Parse_OpenSample_ReadsFirstOpenAndTime()
    {
        var open = Parse(PostmarkWebhookSamples.Open);

        Assert.Equal(PostmarkRecordType.Open, open.RecordType);
        Assert.True(open.FirstOpen);
        Assert.Equal("WebMail", open.Platform);
        Assert.Equal("john@example.com", open.Recipient);
        Assert.Equal(SampleTime.AddTicks(9070259), open.ReceivedAt);
        Assert.False(open.ShouldSuppress);
    }

    [Fact]
    public void Parse_ClickSample_ReadsOriginalLink()
    {
        var click = Parse(PostmarkWebhookSamples.Click);

        Assert.Equal(PostmarkRecordType.Click, click.RecordType);
        Assert.Equal("https://example.com", click.OriginalLink);
        Assert.Equal("HTML", click.ClickLocation);
        Assert.Equal("a_value", click.Metadata["a_key"]);
        Assert.Equal(new DateTimeOffset(2017, 10, 25, 15, 21, 11, TimeSpan.Zero).AddTicks(9065619), click.ReceivedAt);
        Assert.False(click.ShouldSuppress);
    }

    [Fact]
    public void Parse_SubscriptionChangeSample_Suppresses()
    {
        var change = Parse(PostmarkWebhookSamples.SubscriptionChange);

        Assert.Equal(PostmarkRecordType.SubscriptionChange, change.RecordType);
        Assert.True(change.SuppressSending);
        Assert.Equal("HardBounce", change.SuppressionReason);
        Assert.Equal("Recipient", change.Origin);
        Assert.Equal("bounced-address@wildbit.com", change.Recipient);
        Assert.Equal(new DateTimeOffset(2020, 2, 1, 10, 53, 34, TimeSpan.Zero).AddTicks(4160710), change.ChangedAt);
        Assert.True(change.ShouldSuppress);
        Assert.False(change.ShouldUnsuppress);
    }

    [Fact]
    public void Parse_Reactivation_UnsuppressesWithoutMessageId()
    {
        var change = Parse(PostmarkWebhookSamples.Reactivation);

        Assert.False(change.ShouldSuppress);
        Assert.True(change.ShouldUnsuppress);
        Assert.Null(change.MessageId);
        Assert.Null(change.SuppressionReason);
        Assert.Empty(change.Metadata);
    }

    [Theory]
    [InlineData("""{ "RecordType": "Inbound", "MessageID": "x" }""")]
    [InlineData("""{ "RecordType": "bounce", "Email": "a@example.com" }""")]
    [InlineData("""{ "RecordType": "1" }""")]
    [InlineData("""{ "RecordType": 1 }""")]
    [InlineData("""{ "MessageID": "x", "Email": "a@example.com" }""")]
    [InlineData("""[{ "RecordType": "Delivery" }]""")]
    public void Parse_WithoutAKnownRecordType_ReturnsNull(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Null(PostmarkWebhookParser.Parse(document.RootElement));
    }

    [Fact]
    public void Parse_WithOddlyTypedFields_ReadsThemAsMissing()
    {
        var delivery = Parse("""{ "RecordType": "Delivery", "MessageID": 5, "DeliveredAt": "yesterday", "Metadata": { "step": 2 } }""");

        Assert.Null(delivery.MessageId);
        Assert.Null(delivery.DeliveredAt);
        Assert.Equal("2", delivery.Metadata["step"]);
    }

    private static PostmarkWebhookEvent Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Assert.IsType<PostmarkWebhookEvent>(PostmarkWebhookParser.Parse(document.RootElement));
    }
}
