using CartRecovery.Web.Cli;
using CartRecovery.Web.Hosting;

// One executable: "run" (the default, also with --demo) serves the app; the other verbs are the operator's tools.
return await Cli.InvokeAsync(args, Console.Out, Console.Error, new CliOptions { RunHost = CartRecoveryHost.RunAsync });

/// <summary>The host's entry point, public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
