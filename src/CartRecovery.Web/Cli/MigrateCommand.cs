using System.CommandLine;

namespace CartRecovery.Web.Cli;

/// <summary><c>migrate</c>: brings the database schema (ours and Quartz's) and the job schedule up to date, then exits.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var migrate = CliContext.Verb("migrate", "Bring the database schema (ours and Quartz's) and the job schedule up to date and exit");
        migrate.SetAction((parse, ct) => context.WithServicesAsync(parse, async (services, token) =>
        {
            await JobsCommand.WritableSchedulerAsync(services, token);
            await context.Output.WriteLineAsync("Database schema and job schedule are up to date.");
            return 0;
        }, ct, alwaysMigrate: true));
        return migrate;
    }
}
