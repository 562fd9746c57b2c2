using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Web.Tests.Security;

/// <summary>Keeps what the attacked host logs at Error, so a 5xx in the report names its exception.</summary>
internal sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();

    /// <summary>What was logged since the last call (one line per error: exception type, message, first frame).</summary>
    public IReadOnlyList<string> Drain()
    {
        var drained = new List<string>();
        while (_errors.TryDequeue(out var error))
            drained.Add(error);
        return drained;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(ErrorLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var root = exception?.GetBaseException();
            var frame = exception?.StackTrace?.Split('\n', 2)[0].Trim();
            log._errors.Enqueue(exception is null ? formatter(state, null)
                : $"{exception.GetType().Name}: {exception.Message} (root {root?.GetType().Name}: {root?.Message}) {frame}");
        }
    }
}
