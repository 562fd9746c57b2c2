using CartRecovery.Core.Email;

namespace CartRecovery.Bench;

/// <summary>A transport that sends nothing, so the benchmark measures scheduling and dispatch, not a mail server.</summary>
internal sealed class RecordingTransport : IEmailTransport
{
    private int _sent;

    public int Sent => _sent;

    public Task<string?> SendAsync(EmailMessage message, CancellationToken ct)
    {
        Interlocked.Increment(ref _sent);
        return Task.FromResult<string?>(null);
    }
}
