namespace CartRecovery.Core.Email;

/// <summary>
/// An optional capability of an <see cref="IEmailTransport"/> that keeps copies of what it sent where the app can reach
/// them (the pickup folder): an erasure removes the copies of the erased messages too. Providers that keep their own
/// copies (Postmark's activity, an SMTP relay's queue) are out of the app's reach and do not implement it.
/// </summary>
public interface ISentEmailEraser
{
    /// <summary>Removes the kept copies of our messages; ids without a copy are skipped.</summary>
    /// <param name="messageIds">Our message ids (<see cref="EmailMessage.MessageId"/>).</param>
    Task EraseAsync(IReadOnlyCollection<long> messageIds, CancellationToken ct);
}
