using System.Text.RegularExpressions;
using CartRecovery.Core.Email;
using CartRecovery.Email.Mime;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace CartRecovery.Email.Smtp;

/// <summary>
/// Sends through an SMTP relay with MailKit, with the same MIME message (and so the same headers) the pickup folder
/// writes. Each send opens its own connection: simple and safe across threads at our volumes (tens of emails a
/// minute); pooling connections is a later optimisation if a relay starts to throttle connects.
/// </summary>
public sealed partial class SmtpTransport : IEmailTransport
{
    private readonly SmtpOptions _options;
    private readonly SecureSocketOptions _security;
    private readonly TimeProvider _time;

    /// <exception cref="ArgumentException"><see cref="SmtpOptions.Security"/> is not one of <see cref="SmtpOptions.SecurityModes"/>.</exception>
    public SmtpTransport(IOptions<SmtpOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options.Value;
        _security = SocketOptionsFor(_options.Security);
        _time = time;
    }

    /// <returns>The relay's queue id when its reply names one ("queued as 4F2A9C"), which finds the message in the relay's logs; otherwise null.</returns>
    public async Task<string?> SendAsync(EmailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = MimeMessageFactory.Create(message, _time.GetUtcNow());

        // MailKit's own Timeout bounds each read and write; this bounds the whole conversation, so a relay that
        // trickles bytes can't hold a dispatcher forever.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_options.Timeout);
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        string reply;
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, _security, deadline.Token);
            if (!string.IsNullOrEmpty(_options.Username))
                await client.AuthenticateAsync(_options.Username, _options.Password, deadline.Token);
            reply = await client.SendAsync(mime, deadline.Token);
        }
        catch (OperationCanceledException error) when (!ct.IsCancellationRequested)
        {
            throw SmtpFailure.TimedOut(message.MessageId, _options.Timeout, error);
        }
        catch (Exception error) when (SmtpFailure.From(error, message.MessageId) is { } failure)
        {
            throw failure;
        }

        await QuitQuietlyAsync(client);
        return QueueId(reply);
    }

    internal static SecureSocketOptions SocketOptionsFor(string security) => security switch
    {
        _ when string.Equals(security, SmtpOptions.StartTls, StringComparison.OrdinalIgnoreCase) => SecureSocketOptions.StartTls,
        _ when string.Equals(security, SmtpOptions.SslOnConnect, StringComparison.OrdinalIgnoreCase) => SecureSocketOptions.SslOnConnect,
        _ when string.Equals(security, SmtpOptions.None, StringComparison.OrdinalIgnoreCase) => SecureSocketOptions.None,
        _ => throw new ArgumentException(
            $"{SmtpOptions.Section}:{nameof(SmtpOptions.Security)} '{security}' is not one of {string.Join(", ", SmtpOptions.SecurityModes)}.", nameof(security)),
    };

    // The relay has accepted the message once DATA succeeded. A failure to say QUIT afterwards must not turn into a
    // send failure, or the retry would deliver the email a second time.
    private static async Task QuitQuietlyAsync(SmtpClient client)
    {
        try
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await client.DisconnectAsync(quit: true, quick.Token);
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or MailKit.ProtocolException or MailKit.CommandException)
        {
            // Best effort: the connection is disposed with the client either way.
        }
    }

    private static string? QueueId(string reply) => QueuedAs().Match(reply) is { Success: true } match ? match.Groups[1].Value : null;

    // Postfix and relays modelled on it end their 250 reply to DATA with "queued as <id>"; others say nothing we can use.
    [GeneratedRegex(@"queued as ([A-Za-z0-9._-]{1,100})", RegexOptions.IgnoreCase)]
    private static partial Regex QueuedAs();
}
