using System.Collections.Concurrent;

namespace CartRecovery.Core.Webhooks;

/// <summary>
/// What the webhook endpoints look up before they can check a signature (the store a delivery names and the secret it is
/// signed with), remembered per key for half a minute, so a burst of deliveries for one shop reads the database and decrypts
/// its secret once rather than per request. A signature that fails against what is remembered asks for a fresh read
/// (<see cref="RefreshAsync"/>), so a rotated secret or a shop connected a moment ago works at once; a flood of forged
/// signatures gets at most one fresh read per key every few seconds.
/// </summary>
public sealed class WebhookSigners(TimeProvider time)
{
    /// <summary>How long a looked-up value is used.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    /// <summary>How often a failing signature may force a fresh read of one key.</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);

    /// <summary>Keys remembered at most; past it the memory starts again (a burst spans few shops; thousands of shops refill in one read each).</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The value for <paramref name="key"/>, loaded by <paramref name="load"/> when absent or older than <see cref="Lifetime"/>.</summary>
    public async Task<T> GetAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(load);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && now - entry.LoadedAt < Lifetime && entry.Value is T value)
            return value;
        return await LoadAsync(key, load, now, ct);
    }

    /// <summary>
    /// A fresh value for <paramref name="key"/> after a signature failed against the remembered one, or null when the
    /// remembered one was read less than <see cref="RefreshEvery"/> ago (so the failure stands).
    /// </summary>
    public async Task<T?> RefreshAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(load);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && now - entry.LoadedAt < RefreshEvery)
            return null;
        return await LoadAsync(key, load, now, ct);
    }

    /// <summary>
    /// Forgets everything; called where this process saves or drops a store's credentials, so its own endpoints see the
    /// change at once (other processes of a cluster within <see cref="Lifetime"/>, or at once on a failing signature).
    /// </summary>
    public void Clear() => _entries.Clear();

    private async Task<T> LoadAsync<T>(string key, Func<CancellationToken, Task<T>> load, DateTimeOffset now, CancellationToken ct) where T : class
    {
        var value = await load(ct) ?? throw new InvalidOperationException($"Nothing was loaded for '{key}'.");
        if (_entries.Count >= Capacity)
            _entries.Clear();
        _entries[key] = new Entry(value, now);
        return value;
    }

    private sealed record Entry(object Value, DateTimeOffset LoadedAt);
}
