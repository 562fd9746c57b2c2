using System.CommandLine;

namespace CartRecovery.Web.Cli;

/// <summary>
/// The executable's command line: <c>run</c> (the default, serves the app) and the operator's verbs (<c>migrate</c>,
/// <c>jobs</c>, <c>stores</c>, <c>send-test</c>, <c>accounts</c>). Every verb takes <c>--help</c>, and configuration overrides in ASP.NET
/// Core's form (<c>--Storage:DataDirectory=/var/lib/cartrecovery</c>) so that it works on the same database as the app.
/// </summary>
public static class Cli
{
    /// <summary>Exit code of a command line that could not be understood (unknown verb, missing argument).</summary>
    public const int UsageError = 2;

    /// <summary>Parses <paramref name="args"/> and runs the verb, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CliOptions? options = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(output, error, options ?? new CliOptions());
        var root = BuildRoot(context);
        // "@file" is a response file to System.CommandLine; configuration values may legitimately start with "@".
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // The web host handles Ctrl+C itself (graceful shutdown); exceptions are reported by the verbs.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
                await error.WriteLineAsync(problem.Message);
            await WriteHelpAsync(parsed.CommandResult.Command, output);
            return UsageError;
        }
        return await parsed.InvokeAsync(invocation, ct);
    }

    private static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("CartRecovery: abandoned-cart recovery for Shopify and WooCommerce. Without a command it serves the app (run).");
        var run = RunCommand.Create(context);
        var demo = RunCommand.DemoOption();
        root.Options.Add(demo);
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((parse, ct) =>
        {
            // An unknown word in front is a mistyped verb, not configuration for the web host.
            if (parse.UnmatchedTokens is [var first, ..] && !first.StartsWith('-'))
                return UnknownCommandAsync(context, parse, first);
            return RunCommand.InvokeAsync(context, parse, parse.GetValue(demo));
        });
        root.Subcommands.Add(run);
        root.Subcommands.Add(MigrateCommand.Create(context));
        root.Subcommands.Add(JobsCommand.Create(context));
        root.Subcommands.Add(StoresCommand.Create(context));
        root.Subcommands.Add(SendTestCommand.Create(context));
        root.Subcommands.Add(AccountsCommand.Create(context));
        return root;
    }

    private static async Task<int> UnknownCommandAsync(CliContext context, ParseResult parse, string word)
    {
        await context.Error.WriteLineAsync($"Unknown command '{word}'. Commands: run (default), migrate, jobs, stores, send-test, accounts.");
        await WriteHelpAsync(parse.RootCommandResult.Command, context.Output);
        return UsageError;
    }

    /// <summary>Writes <paramref name="command"/>'s help (a group verb given without a sub-verb, a usage error).</summary>
    internal static Task WriteHelpAsync(Command command, TextWriter output)
    {
        var root = command;
        while (root.Parents.OfType<Command>().FirstOrDefault() is { } parent)
            root = parent;
        var path = new List<string>();
        for (var c = command; c != root; c = c.Parents.OfType<Command>().First())
            path.Insert(0, c.Name);
        path.Add("--help");
        var help = root.Parse(path.ToArray());
        help.Invoke(new InvocationConfiguration { Output = output });
        return Task.CompletedTask;
    }

    /// <summary>A group verb (<c>jobs</c>, <c>stores</c>) given without a sub-verb prints its help and fails.</summary>
    internal static Command Group(CliContext context, string name, string description, params Command[] verbs)
    {
        var group = new Command(name, description);
        foreach (var verb in verbs)
            group.Subcommands.Add(verb);
        group.SetAction(async parse =>
        {
            await context.Error.WriteLineAsync($"'{name}' needs a command: {string.Join(", ", verbs.Select(v => v.Name))}.");
            await WriteHelpAsync(group, context.Output);
            return UsageError;
        });
        return group;
    }
}
