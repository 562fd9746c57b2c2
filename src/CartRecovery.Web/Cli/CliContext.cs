using System.CommandLine;
using CartRecovery.Web.Hosting;

namespace CartRecovery.Web.Cli;

/// <summary>Where a verb writes, and the service container it works with (the app's own, without web host or scheduler).</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, CliOptions options)
{
    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;
    public CliOptions Options { get; } = options;

    /// <summary>A verb that also takes configuration overrides (<c>--Section:Key=value</c>).</summary>
    public static Command Verb(string name, string description) => new(name, description) { TreatUnmatchedTokensAsErrors = false };

    /// <summary>
    /// An argument that cannot start with <c>--</c>: without it, a configuration override would stand in for a missing
    /// argument (<c>jobs pause --Storage:DataDirectory=x</c> would look for a job of that name).
    /// </summary>
    public static Argument<T> Argument<T>(string name, string description)
    {
        var argument = new Argument<T>(name) { Description = description };
        argument.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => t.Value.StartsWith("--", StringComparison.Ordinal)))
                result.AddError($"Required argument missing: <{name}>.");
        });
        return argument;
    }

    /// <summary>
    /// Builds the app's container with the verb's configuration overrides, brings the schema up to date (as the app does
    /// at start) and runs <paramref name="verb"/>. Nothing is served and the scheduler is never started: Quartz verbs
    /// change the persistent job store, which running nodes read.
    /// </summary>
    /// <param name="alwaysMigrate">
    /// True for <c>migrate</c>. Other verbs leave a current schema alone, so an operator login without DDL rights can
    /// use them on PostgreSQL or SQL Server (see <see cref="StartupTasks.MigrateAsync"/>).
    /// </param>
    public async Task<int> WithServicesAsync(ParseResult parse, Func<IServiceProvider, CancellationToken, Task<int>> verb, CancellationToken ct,
        bool alwaysMigrate = false)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var overrides = parse.UnmatchedTokens.ToArray();
        if (overrides.FirstOrDefault(t => !t.StartsWith("--", StringComparison.Ordinal) || !t.Contains('=', StringComparison.Ordinal)) is { } unknown)
        {
            await Error.WriteLineAsync($"Unknown argument '{unknown}' (configuration overrides look like --Section:Key=value).");
            await Cli.WriteHelpAsync(parse.CommandResult.Command, Output);
            return Cli.UsageError;
        }

        try
        {
            var builder = CartRecoveryHost.CreateBuilder(overrides);
            // Tables go to stdout; the app's log (warnings and worse, one line each) to stderr. Outbound calls and their
            // retries are not logged here: the verb reports how each ended (a shop that does not answer, in one line).
            // The key ring's storage advice belongs to the server's log, not to every verb.
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(new CliLogger(Error));
            builder.Logging.AddFilter<CliLogger>("Polly", LogLevel.None);
            builder.Logging.AddFilter<CliLogger>("CartRecovery.Connectors", LogLevel.Error);
            builder.Logging.AddFilter<CliLogger>("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
            Options.ConfigureServices?.Invoke(builder.Services);
            await using var app = builder.Build();
            await app.Services.GetRequiredService<StartupTasks>().MigrateAsync(onlyWhenBehind: !alwaysMigrate, ct);
            return await verb(app.Services, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }
}
