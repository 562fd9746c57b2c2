using System.Net;
using System.Net.Sockets;
using CartRecovery.Core.Email;
using CartRecovery.Email.Smtp;
using CartRecovery.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CartRecovery.Email.Tests.Smtp;

/// <summary>SmtpTransport against a real SMTP server (aiosmtpd) on loopback, one server per test.</summary>
public sealed class SmtpTransportTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(TestData.Now);
    private SmtpSink _sink = null!;

    public async ValueTask InitializeAsync() => _sink = await SmtpSink.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _sink.DisposeAsync();

    [Fact]
    public async Task SendAsync_ToRealServer_DeliversAddressesSubjectAndStableMessageId()
    {
        var sent = EmailTestData.Message();

        await SendAsync(Transport(), sent);

        var mime = Assert.Single(_sink.Received()).Message;
        var from = Assert.Single(mime.From.Mailboxes);
        Assert.Equal(("Maple Goods", "hello@maple.example.com"), (from.Name, from.Address));
        var to = Assert.Single(mime.To.Mailboxes);
        Assert.Equal(("Anna Berg", "anna@example.com"), (to.Name, to.Address));
        Assert.Equal(sent.Subject, mime.Subject);
        Assert.Equal(sent.InternetMessageId, mime.MessageId);
        Assert.Equal(TestData.Now, mime.Date);
    }

    [Fact]
    public async Task SendAsync_ToRealServer_DeliversOneClickUnsubscribeTagAndMetadataHeaders()
    {
        await SendAsync(Transport(), EmailTestData.Message());

        var mime = Assert.Single(_sink.Received()).Message;
        Assert.Equal($"<{EmailTestData.UnsubscribeUrl}>", mime.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mime.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("step-1", mime.Headers["X-CartRecovery-Tag"]);
        Assert.Equal("7", mime.Headers["X-CartRecovery-message_id"]);
        Assert.Equal("42", mime.Headers["X-CartRecovery-cart_id"]);
    }

    [Fact]
    public async Task SendAsync_ToRealServer_DeliversTextAndHtmlAsAlternatives()
    {
        var sent = EmailTestData.Message() with
        {
            Subject = "Anna, votre panier chez Maple Goods vous attend",
            HtmlBody = "<p>Café crème : 189,00\u00A0€</p>",
            TextBody = "Café crème : 189,00\u00A0€",
        };

        await SendAsync(Transport(), sent);

        var mime = Assert.Single(_sink.Received()).Message;
        var alternative = Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Equal(sent.Subject, mime.Subject);
        Assert.Equal(sent.TextBody, mime.TextBody?.TrimEnd());
        Assert.Equal(sent.HtmlBody, mime.HtmlBody?.TrimEnd());
    }

    [Fact]
    public async Task SendAsync_ToRealServer_UsesTheMessageAddressesAsEnvelopeAndReturnsTheQueueId()
    {
        var providerId = await SendAsync(Transport(), EmailTestData.Message());

        var received = Assert.Single(_sink.Received());
        Assert.Equal("hello@maple.example.com", received.MailFrom);
        Assert.Equal(["anna@example.com"], received.RcptTo);
        Assert.Equal("SINK000001", providerId);
    }

    [Fact]
    public async Task SendAsync_WithCredentials_AuthenticatesBeforeSending()
    {
        await SendAsync(Transport(o => { o.Username = SmtpSink.Username; o.Password = SmtpSink.Password; }), EmailTestData.Message());

        Assert.Equal(SmtpSink.Username, Assert.Single(_sink.Received()).Login);
    }

    [Fact]
    public async Task SendAsync_WhenPasswordIsWrong_ThrowsPermanentFailureNamingTheSettings()
    {
        var transport = Transport(o => { o.Username = SmtpSink.Username; o.Password = "not-the-password"; });

        var error = await Assert.ThrowsAsync<EmailSendException>(() => SendAsync(transport, EmailTestData.Message()));

        Assert.False(error.IsTransient);
        Assert.False(error.RecipientSuppressed);
        Assert.Contains("Smtp:Password", error.Message, StringComparison.Ordinal);
        Assert.Empty(_sink.Received());
    }

    [Theory]
    [InlineData(550)]
    [InlineData(551)]
    [InlineData(553)]
    public async Task SendAsync_WhenRecipientIsRefusedAsUnknown_ThrowsRecipientSuppressedWithoutTheAddress(int code)
    {
        var message = EmailTestData.Message() with { To = $"reply-{code}@example.com" };

        var error = await Assert.ThrowsAsync<EmailSendException>(() => SendAsync(Transport(), message));

        Assert.True(error.RecipientSuppressed);
        Assert.False(error.IsTransient);
        Assert.Contains(code.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(message.To, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_sink.Received());
    }

    [Theory]
    [InlineData(450)]
    [InlineData(451)]
    public async Task SendAsync_WhenRecipientIsDeferredWith4xx_ThrowsTransient(int code)
    {
        var message = EmailTestData.Message() with { To = $"reply-{code}@example.com" };

        var error = await Assert.ThrowsAsync<EmailSendException>(() => SendAsync(Transport(), message));

        Assert.True(error.IsTransient);
        Assert.False(error.RecipientSuppressed);
    }

    [Theory]
    [InlineData(552)]
    [InlineData(554)]
    public async Task SendAsync_WhenRecipientIsRefusedForAnotherReason_ThrowsPermanentWithoutSuppressing(int code)
    {
        var message = EmailTestData.Message() with { To = $"reply-{code}@example.com" };

        var error = await Assert.ThrowsAsync<EmailSendException>(() => SendAsync(Transport(), message));

        Assert.False(error.IsTransient);
        Assert.False(error.RecipientSuppressed);
    }

    [Fact]
    public async Task SendAsync_WhenServerOffersNoStartTls_ThrowsPermanentFailureNamingSecurity()
    {
        var transport = Transport(o => o.Security = SmtpOptions.StartTls);

        var error = await Assert.ThrowsAsync<EmailSendException>(() => SendAsync(transport, EmailTestData.Message()));

        Assert.False(error.IsTransient);
        Assert.Contains("Smtp:Security", error.Message, StringComparison.Ordinal);
        Assert.Empty(_sink.Received());
    }

    [Fact]
    public async Task SendAsync_WhenNothingListensOnThePort_ThrowsTransient()
    {
        var transport = Transport(o => o.Port = UnusedPort());

        var error = await Assert.ThrowsAsync<EmailSendException>(() => SendAsync(transport, EmailTestData.Message()));

        Assert.True(error.IsTransient);
        Assert.False(error.RecipientSuppressed);
    }

    [Fact]
    public async Task SendAsync_WhenServerNeverGreets_ThrowsTransientAfterTheTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var transport = Transport(o => { o.Port = ((IPEndPoint)silent.LocalEndpoint).Port; o.Timeout = TimeSpan.FromMilliseconds(500); });

        var error = await Assert.ThrowsAsync<EmailSendException>(() => SendAsync(transport, EmailTestData.Message()));

        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task SendAsync_WhenCallerCancels_ThrowsOperationCanceledNotASendFailure()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var transport = Transport(o => o.Port = ((IPEndPoint)silent.LocalEndpoint).Port);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.SendAsync(EmailTestData.Message(), cancel.Token));
    }

    [Fact]
    public void Constructor_WhenSecurityIsUnknown_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<ArgumentException>(() => Transport(o => o.Security = "Maybe"));

        Assert.Contains("Smtp:Security", error.Message, StringComparison.Ordinal);
    }

    private SmtpTransport Transport(Action<SmtpOptions>? configure = null)
    {
        var options = new SmtpOptions { Host = "127.0.0.1", Port = _sink.Port, Security = SmtpOptions.None, Timeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(options);
        return new SmtpTransport(Options.Create(options), _time);
    }

    // Bound then released: nothing listens there for the moment the test needs.
    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task<string?> SendAsync(SmtpTransport transport, EmailMessage message) =>
        transport.SendAsync(message, TestContext.Current.CancellationToken);
}
