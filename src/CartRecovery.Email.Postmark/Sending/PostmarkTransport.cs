using System.Globalization;
using CartRecovery.Core.Email;
using Microsoft.Extensions.Options;

namespace CartRecovery.Email.Postmark.Sending;

/// <summary>
/// Sends composed emails through Postmark's API on the configured stream, with open/link tracking, the step as
/// <c>Tag</c>, our ids as <c>Metadata</c> (echoed in every webhook), one-click unsubscribe headers and our Message-ID.
/// Failures become <see cref="EmailSendException"/>s: 406 suppresses the recipient, 429/5xx/timeouts are transient,
/// a rejected token (and other account-level refusals) sets <see cref="EmailSendException.CredentialsRejected"/>.
/// </summary>
internal sealed class PostmarkTransport : IEmailTransport, ISentEmailLookup, IBatchEmailTransport
{
    /// <summary>The metadata key carrying our message id (set by <see cref="RecoveryEmail.Create"/>).</summary>
    public const string MessageIdMetadataKey = "message_id";

    private readonly PostmarkClient _client;
    private readonly PostmarkOptions _options;

    public PostmarkTransport(PostmarkClient client, IOptions<PostmarkOptions> options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options.Value;
    }

    /// <returns>Postmark's MessageID: the key its webhooks use.</returns>
    public async Task<string?> SendAsync(EmailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var request = PostmarkMessageMapper.Map(message, _options);
        try
        {
            var result = await _client.SendAsync(request, ct);
            return result.MessageId;
        }
        catch (PostmarkApiException error)
        {
            throw PostmarkFailures.ToEmailSendException(error, message.MessageId, _options.MessageStream);
        }
    }

    /// <summary>
    /// Finds an earlier accepted send of our message by the <c>message_id</c> metadata every send carries (see
    /// <see cref="RecoveryEmail"/>), on the stream it went to. A refused token pauses sending like a refused send;
    /// any other failure to ask is transient: the dispatcher tries again later rather than guessing.
    /// </summary>
    public async Task<string?> FindSentAsync(long messageId, string? messageStream, CancellationToken ct)
    {
        var stream = messageStream ?? _options.MessageStream;
        try
        {
            var found = await _client.FindOutboundByMetadataAsync(MessageIdMetadataKey, messageId.ToString(CultureInfo.InvariantCulture), stream, ct);
            return found?.MessageId;
        }
        catch (PostmarkApiException error) when (!error.IsBadToken)
        {
            throw new EmailSendException($"Could not ask Postmark whether message {messageId} was already sent: {error.Message}", isTransient: true, inner: error);
        }
        catch (PostmarkApiException error)
        {
            throw PostmarkFailures.ToEmailSendException(error, messageId, stream);
        }
    }

    /// <summary>
    /// Sends many emails in batch calls of up to 500 and returns one outcome per email, in order. A message Postmark
    /// refuses fails alone; a refused or unanswered call fails its whole chunk. After a rejected token or a transient
    /// failure the remaining chunks are not tried: they would meet the same answer.
    /// </summary>
    public async Task<IReadOnlyList<EmailSendOutcome>> SendBatchAsync(IReadOnlyList<EmailMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var outcomes = new EmailSendOutcome[messages.Count];
        var pending = new List<(int Index, PostmarkMessage Request)>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                pending.Add((i, PostmarkMessageMapper.Map(messages[i], _options)));
            }
            catch (EmailSendException error)
            {
                outcomes[i] = new EmailSendOutcome(messages[i].MessageId, null, error);
            }
        }

        PostmarkApiException? stop = null;
        foreach (var chunk in pending.Chunk(PostmarkClient.MaxBatchSize))
        {
            if (stop is not null)
            {
                Fail(chunk, messages, outcomes, stop);
                continue;
            }
            try
            {
                var results = await _client.SendBatchAsync([.. chunk.Select(p => p.Request)], ct);
                for (var j = 0; j < chunk.Length; j++)
                    outcomes[chunk[j].Index] = Outcome(messages[chunk[j].Index], results[j]);
            }
            catch (PostmarkApiException error)
            {
                Fail(chunk, messages, outcomes, error);
                // Any other refusal concerns this chunk's request alone (its size, say): the next chunk may go through.
                if (error.IsBadToken || error.IsTransient)
                    stop = error;
            }
        }
        return outcomes;
    }

    private EmailSendOutcome Outcome(EmailMessage message, PostmarkSendResult result) => result.Succeeded
        ? new EmailSendOutcome(message.MessageId, result.MessageId, null)
        // A refused item arrives inside an HTTP 200 answer; its ErrorCode says why (406, 300...).
        : new EmailSendOutcome(message.MessageId, null, PostmarkFailures.ToEmailSendException(
            new PostmarkApiException(200, result.ErrorCode, result.Message), message.MessageId, _options.MessageStream));

    private void Fail((int Index, PostmarkMessage Request)[] chunk, IReadOnlyList<EmailMessage> messages, EmailSendOutcome[] outcomes, PostmarkApiException error)
    {
        foreach (var (index, _) in chunk)
        {
            var id = messages[index].MessageId;
            outcomes[index] = new EmailSendOutcome(id, null, PostmarkFailures.ToEmailSendException(error, id, _options.MessageStream));
        }
    }
}
