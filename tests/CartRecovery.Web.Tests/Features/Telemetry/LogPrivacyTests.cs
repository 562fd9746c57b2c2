using System.Collections.Concurrent;
using CartRecovery.Web.Tests.Features.Shopify;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Web.Tests.Features.Telemetry;

/// <summary>Everything the host logs during one cart's journey, messages, fields, scopes and exceptions, with the shipped log levels.</summary>
public sealed class LogPrivacyTests
{
    [Fact]
    public async Task Journey_FromDeliveryToSendAndClick_LogsIdsButNoEmailNorToken()
    {
        var logs = new CapturedLogs();
        await using var host = await ShopifyHost.StartAsync(services: s => s.AddSingleton<ILoggerProvider>(logs));

        var journey = await CartJourney.WalkAsync(host);

        var sent = logs.Entries.Where(e => e.Message.StartsWith("Sent step", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, e => Assert.Contains($"StoreId={journey.Store.Id}, CartId={journey.Cart.Id}, MessageId=", e.Scopes, StringComparison.Ordinal));
        var everything = string.Join('\n', logs.Entries.Select(e => e.ToString()));
        Assert.DoesNotContain(journey.Email, everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(journey.RestoreToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(journey.UnsubscribeToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(host.Shopify.ClientSecret, everything, StringComparison.Ordinal);
    }

    private sealed record Entry(string Category, LogLevel Level, string Message, string Fields, string Scopes, string? Exception);

    private sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentQueue<Entry> _entries = new();
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public IReadOnlyList<Entry> Entries => [.. _entries];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> fields
            ? string.Join(", ", fields.Select(f => $"{f.Key}={f.Value}"))
            : state?.ToString() ?? "";

        private sealed class Logger(CapturedLogs owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var scopes = new List<string>();
                owner._scopes.ForEachScope((scope, list) => list.Add(Describe(scope)), scopes);
                owner._entries.Enqueue(new(category, logLevel, formatter(state, exception), Describe(state), string.Join("; ", scopes), exception?.ToString()));
            }
        }
    }
}
