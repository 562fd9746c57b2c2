namespace CartRecovery.Web.Hosting;

/// <summary>The few words the host understands before handing the rest to ASP.NET Core's configuration.</summary>
internal sealed record CommandLine(string Command, string[] HostArgs)
{
    public const string Run = "run";
    public const string Migrate = "migrate";

    public static CommandLine Parse(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : Run;
        var rest = command == Run ? args : args[1..];
        // "--demo" is the one-flag switch for the demo store; everything else is configuration (--Section:Key=value).
        var hostArgs = rest.Select(a => a == "--demo" ? "--Demo:Enabled=true" : a).ToArray();
        return new(command, hostArgs);
    }
}
