using CartRecovery.Core.Email;
using CartRecovery.Email.Mime;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CartRecovery.Email.Pickup;

/// <summary>
/// The zero-setup transport: writes each email as <c>{MessageId}.eml</c> into a folder, where a developer opens it
/// in a mail client or an SMTP relay with a pickup directory takes it from there.
/// </summary>
public sealed class PickupFolderTransport : IEmailTransport, ISentEmailLookup, ISentEmailEraser
{
    private readonly TimeProvider _time;

    public PickupFolderTransport(IOptions<EmailOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        // Resolved once, so the folder stays put even if something changes the current directory later.
        PickupDirectory = Path.GetFullPath(options.Value.PickupDirectory);
        _time = time;
    }

    /// <summary>The absolute folder the .eml files go to.</summary>
    public string PickupDirectory { get; }

    /// <returns>The file name, which doubles as the provider message id.</returns>
    public async Task<string?> SendAsync(EmailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = MimeMessageFactory.Create(message, _time.GetUtcNow());
        // 8-bit with lines of at most 998 octets (RFC 5322), not 7-bit: quoted-printable would fold the text part's links
        // at 76 characters. A relay that reads the folder and meets a next hop without 8BITMIME re-encodes on its way.
        mime.Prepare(EncodingConstraint.EightBit, 998);

        var fileName = $"{message.MessageId}.eml";
        var temporary = Path.Combine(PickupDirectory, $".{fileName}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(PickupDirectory);
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await mime.WriteToAsync(stream, ct);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }
            // Readers never see a half-written .eml, and a retried send replaces the earlier file instead of
            // leaving a duplicate next to it.
            File.Move(temporary, Path.Combine(PickupDirectory, fileName), overwrite: true);
            return fileName;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new EmailSendException($"Could not write message {message.MessageId} to the pickup folder: {error.Message}", isTransient: true, inner: error);
        }
        finally
        {
            // Gone after a successful move; after a failure or a cancellation it must not linger.
            TryDelete(temporary);
        }
    }

    /// <summary>The .eml of an earlier send is its proof: it is only ever moved into place whole.</summary>
    public Task<string?> FindSentAsync(long messageId, string? messageStream, CancellationToken ct)
    {
        var fileName = $"{messageId}.eml";
        return Task.FromResult(File.Exists(Path.Combine(PickupDirectory, fileName)) ? fileName : null);
    }

    /// <summary>The .eml files are copies of the emails on our own disk: an erasure of their recipient removes them.</summary>
    public Task EraseAsync(IReadOnlyCollection<long> messageIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        if (!Directory.Exists(PickupDirectory))
            return Task.CompletedTask;
        foreach (var messageId in messageIds)
        {
            ct.ThrowIfCancellationRequested();
            // File.Delete does not mind a file that is not there (a relay took it, or it was never written).
            File.Delete(Path.Combine(PickupDirectory, $"{messageId}.eml"));
        }
        return Task.CompletedTask;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover .tmp file is never picked up, and the original failure matters more.
        }
    }
}
