namespace CartRecovery.Web.Cli;

/// <summary>
/// The verbs' log: one line per entry on the verb's error writer (<c>warn: message (cause)</c>). An operator at a
/// terminal reads what went wrong; stack traces belong to the server's log, not to a command's output.
/// </summary>
internal sealed class CliLogger(TextWriter error, LogLevel minimum = LogLevel.Warning) : ILoggerProvider, ILogger
{
    private readonly Lock _lock = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
            return;
        var cause = exception?.GetBaseException().Message;
        var line = $"{Level(logLevel)}: {formatter(state, exception)}{(cause is null ? "" : $" ({cause})")}".ReplaceLineEndings(" ");
        lock (_lock)
            error.WriteLine(line);
    }

    public void Dispose() { }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Critical => "crit",
        LogLevel.Error => "error",
        LogLevel.Warning => "warn",
        LogLevel.Information => "info",
        _ => "debug",
    };
}
