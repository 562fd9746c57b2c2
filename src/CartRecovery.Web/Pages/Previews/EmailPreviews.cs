using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CartRecovery.Web.Pages.Previews;

/// <summary>
/// Rendered email HTML waiting for the editor's preview frames. The editor's page cannot hold the email itself (its
/// policy allows no inline style, which emails are made of), so it renders the email, keeps it here under a random key
/// for the person who asked, and frames <c>/app/preview/{key}</c>, which serves it under a policy of its own (no
/// script, sandboxed). Entries live a few minutes and the store is bounded, so a busy editor cannot grow it.
/// </summary>
internal sealed class EmailPreviews(TimeProvider time)
{
    private const int MaxEntries = 2000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private sealed record Entry(long UserId, string Html, DateTimeOffset Expires);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Keeps <paramref name="html"/> for <paramref name="userId"/> and returns the key of its frame.</summary>
    public string Put(long userId, string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var now = time.GetUtcNow();
        if (_entries.Count >= MaxEntries)
        {
            foreach (var (key, entry) in _entries)
            {
                if (entry.Expires <= now || _entries.Count >= MaxEntries)
                    _entries.TryRemove(key, out _);
            }
        }
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _entries[id] = new Entry(userId, html, now + Lifetime);
        return id;
    }

    /// <summary>The HTML kept under <paramref name="key"/> for that person, or null (unknown, expired or someone else's).</summary>
    public string? Find(long userId, string key) =>
        _entries.TryGetValue(key, out var entry) && entry.UserId == userId && entry.Expires > time.GetUtcNow() ? entry.Html : null;
}
