using System.Collections.Concurrent;

namespace CartRecovery.Data;

/// <summary>
/// Rows a repository read at most <c>keepFor</c> ago, by key, for the hot paths (a burst reads one shop's row once, not
/// per request). The repository forgets a key when it writes it, so this process sees its own writes at once; another
/// process's within <c>keepFor</c>. Nothing is remembered of a row not found.
/// </summary>
internal sealed class RecentReads<TKey, TValue>(TimeProvider time, TimeSpan keepFor)
    where TKey : notnull
    where TValue : class
{
    /// <summary>Keys remembered at most; past it the memory starts again.</summary>
    private const int Capacity = 10_000;

    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset ReadAt)> _recent = new();

    public async Task<TValue?> GetAsync(TKey key, Func<Task<TValue?>> read)
    {
        var now = time.GetUtcNow();
        if (_recent.TryGetValue(key, out var recent) && now - recent.ReadAt < keepFor)
            return recent.Value;
        var value = await read();
        if (value is null)
            return null;
        if (_recent.Count >= Capacity)
            _recent.Clear();
        _recent[key] = (value, now);
        return value;
    }

    public void Forget(TKey key) => _recent.TryRemove(key, out _);
}
