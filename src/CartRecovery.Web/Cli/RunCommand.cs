using System.CommandLine;

namespace CartRecovery.Web.Cli;

/// <summary><c>run</c> (also the default): serves the app, its jobs and the admin API until stopped.</summary>
internal static class RunCommand
{
    public static Option<bool> DemoOption() => new("--demo")
    {
        Description = "Start the demo store (fast jobs, emails in ./data/pickup); same as --Demo:Enabled=true",
    };

    public static Command Create(CliContext context)
    {
        var demo = DemoOption();
        var run = CliContext.Verb("run", "Serve the app (web host, admin API, scheduler). Other arguments are configuration, e.g. --Storage:DataDirectory=/var/lib/cartrecovery");
        run.Options.Add(demo);
        run.SetAction((parse, _) => InvokeAsync(context, parse, parse.GetValue(demo)));
        return run;
    }

    public static async Task<int> InvokeAsync(CliContext context, ParseResult parse, bool demo)
    {
        if (context.Options.RunHost is not { } runHost)
        {
            await context.Error.WriteLineAsync("run is not available here.");
            return Cli.UsageError;
        }
        var hostArgs = parse.UnmatchedTokens.ToList();
        if (demo)
            hostArgs.Add("--Demo:Enabled=true");
        return await runHost(hostArgs.ToArray());
    }
}
