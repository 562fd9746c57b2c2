using System.CommandLine;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Stores;

namespace CartRecovery.Web.Cli;

/// <summary><c>stores list</c> and <c>stores import</c> (an agency's bulk onboarding).</summary>
internal static class StoresCommand
{
    public static Command Create(CliContext context) =>
        Cli.Group(context, "stores", "Connected stores: list, import", List(context), Import(context));

    private static Command List(CliContext context)
    {
        var list = CliContext.Verb("list", "Every store with its platform, status and sending state");
        list.SetAction((parse, ct) => context.WithServicesAsync(parse, async (services, token) =>
        {
            var table = new TextTable("ID", "PLATFORM", "EXTERNAL ID", "NAME", "STATUS", "SEQUENCE", "SENDING", "CREATED");
            foreach (var store in await services.GetRequiredService<IStoreRepository>().ListAsync(token))
                table.Add(store.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), store.Platform, store.ExternalId, store.Name,
                    store.Status.ToString(), store.Sequence, store.SendingPausedReason is null ? "on" : "paused", TextTable.Time(store.CreatedAt));
            await table.WriteAsync(context.Output);
            return 0;
        }, ct));
        return list;
    }

    private static Command Import(CliContext context)
    {
        var file = CliContext.Argument<FileInfo>("file", "A .csv (header row) or .json (array) file with the columns POST /api/stores accepts");
        var skip = new Option<bool>("--skip-bad-rows") { Description = "Import the valid rows even when others have problems (they are reported and skipped)" };
        var import = CliContext.Verb("import", "Connect many stores from a file: every row is checked first; a bad file imports nothing");
        import.Arguments.Add(file);
        import.Options.Add(skip);
        import.SetAction((parse, ct) => context.WithServicesAsync(parse, (services, token) =>
            new StoreImporter(context.Output, context.Error, services.GetRequiredService<IStoreRepository>(), services.GetRequiredService<StoreOnboarding>())
                .ImportAsync(parse.GetRequiredValue(file).FullName, parse.GetValue(skip), token), ct));
        return import;
    }
}
