using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Stores;

namespace CartRecovery.Web.Cli;

/// <summary>
/// Validates every row of an onboarding file before connecting any: the checks of <c>POST /api/stores</c>, plus
/// duplicates within the file and stores already connected. A file with a bad row imports nothing unless told to skip
/// bad rows. The platform checks each row's credentials as it is connected (as the API does); a row it refuses is
/// reported and the others still import.
/// </summary>
internal sealed class StoreImporter(TextWriter output, TextWriter error, IStoreRepository stores, StoreOnboarding onboarding)
{
    public async Task<int> ImportAsync(string path, bool skipBadRows, CancellationToken ct)
    {
        var (rows, fileProblem) = await StoreImportFile.ReadAsync(path, ct);
        if (fileProblem is not null)
        {
            await error.WriteLineAsync(fileProblem);
            return 1;
        }

        var problems = await ValidateAsync(rows, ct);
        foreach (var (row, problem) in problems.OrderBy(p => p.Row))
            await error.WriteLineAsync($"row {row}: {problem.Field}: {problem.Problem}");
        var badRows = problems.Select(p => p.Row).ToHashSet();
        if (badRows.Count > 0 && !skipBadRows)
        {
            await error.WriteLineAsync($"Nothing imported: {badRows.Count} of {rows.Count} rows have problems. Fix them, or pass --skip-bad-rows to import the others.");
            return 1;
        }

        var imported = 0;
        var refused = 0;
        var unreachable = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (badRows.Contains(i + 1))
                continue;
            var (platform, externalId, _) = onboarding.Identity(rows[i])!.Value;
            await output.WriteLineAsync($"row {i + 1} of {rows.Count}: connecting {platform} {externalId}...");
            var result = await onboarding.ConnectAsync(rows[i], ct);
            if (result.Store is { } store)
            {
                imported++;
                await output.WriteLineAsync($"row {i + 1}: connected store {store.Id} ({store.Platform} {store.ExternalId})");
                continue;
            }
            if (result.Failure == StoreConnectionFailure.Unreachable)
                unreachable++;
            else
                refused++;
            await error.WriteLineAsync($"row {i + 1}: {result.Problem!.Field}: {result.Problem.Problem}");
        }
        await output.WriteLineAsync($"Imported {imported} of {rows.Count} rows ({badRows.Count} skipped as invalid, {refused} refused by the platform, " +
            $"{unreachable} not answering).");
        return refused + unreachable == 0 ? 0 : 1;
    }

    private async Task<List<(int Row, FieldProblem Problem)>> ValidateAsync(IReadOnlyList<CreateStoreRequest> rows, CancellationToken ct)
    {
        var existing = (await stores.ListAsync(ct)).ToDictionary(s => (s.Platform, s.ExternalId.ToUpperInvariant()));
        var seen = new Dictionary<(string, string), int>();
        var problems = new List<(int, FieldProblem)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = i + 1;
            var rowProblems = onboarding.Validate(rows[i]);
            problems.AddRange(rowProblems.Select(p => (row, p)));
            if (rowProblems.Count > 0 || onboarding.Identity(rows[i]) is not var (platform, externalId, field))
                continue;
            var key = (platform, externalId.ToUpperInvariant());
            if (seen.TryGetValue(key, out var first))
                problems.Add((row, new FieldProblem(field, $"{externalId} is already on row {first}")));
            else if (existing.TryGetValue(key, out var store))
                problems.Add((row, new FieldProblem(field, $"{externalId} is already connected as store {store.Id}")));
            seen.TryAdd(key, row);
        }
        return problems;
    }
}
