using System.Collections.Concurrent;
using CartRecovery.Core.Email;

namespace CartRecovery.Bench;

/// <summary>A transport that sends nothing, so the benchmark measures scheduling and dispatch, not a mail server.</summary>
internal sealed class RecordingTransport : IEmailTransport
{
    private readonly ConcurrentDictionary<long, int> _sends = new();

    /// <summary>Emails handed over, and distinct message ids among them.</summary>
    public (int Accepted, int Distinct) Report() => (_sends.Values.Sum(), _sends.Count);

    public Task<string?> SendAsync(EmailMessage message, CancellationToken ct)
    {
        _sends.AddOrUpdate(message.MessageId, 1, (_, n) => n + 1);
        return Task.FromResult<string?>(null);
    }
}
