namespace CartRecovery.Web.Cli;

/// <summary>What the entry point (or a test) plugs into the command line.</summary>
public sealed class CliOptions
{
    /// <summary>Serves the app (the <c>run</c> verb) with the given configuration arguments; null means <c>run</c> is not available.</summary>
    public Func<string[], Task<int>>? RunHost { get; init; }

    /// <summary>Last-word service overrides for the verbs' container (tests swap the clock or the email transport).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
