using System.CommandLine;
using System.Globalization;
using CartRecovery.Core.Jobs;
using CartRecovery.Jobs.Scheduling;
using Quartz;

namespace CartRecovery.Web.Cli;

/// <summary>
/// <c>jobs list|trigger|pause|resume|history</c>. They work on the persistent job store through a scheduler that is
/// never started; running nodes pick the change up from the database (a trigger fires on the next node that polls).
/// </summary>
internal static class JobsCommand
{
    public static Command Create(CliContext context) => Cli.Group(context, "jobs", "Scheduled jobs: list, trigger, pause, resume, history",
        List(context),
        Trigger(context),
        OnJob(context, "pause", "Pause a job: its triggers stop firing on every node until resumed", async (scheduler, key, _, ct) =>
        {
            await scheduler.PauseJob(key, ct);
            return (true, $"Paused {key}.");
        }),
        OnJob(context, "resume", "Resume a paused job (a missed fire does not replay: it runs at its next interval)", async (scheduler, key, _, ct) =>
        {
            await scheduler.ResumeJob(key, ct);
            return (true, $"Resumed {key}.");
        }),
        History(context));

    private static Command List(CliContext context)
    {
        var list = CliContext.Verb("list", "Every job with its state, next and last run");
        list.SetAction((parse, ct) => context.WithServicesAsync(parse, async (services, token) =>
        {
            var scheduler = await SchedulerAsync(services, token);
            var latest = await services.GetRequiredService<IJobRunRepository>().LatestAsync(token);
            var table = new TextTable("JOB", "STATE", "NEXT RUN", "LAST RUN", "OUTCOME", "ITEMS", "DESCRIPTION");
            foreach (var key in await AllJobsAsync(scheduler, token))
            {
                var detail = await scheduler.GetJobDetail(key, token);
                var triggers = await scheduler.GetTriggersOfJob(key, token);
                var states = new List<string>();
                foreach (var trigger in triggers)
                    states.Add((await scheduler.GetTriggerState(trigger.Key, token)).ToString());
                var next = triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
                latest.TryGetValue((key.Group, key.Name), out var last);
                table.Add(key.ToString(), states.Count == 0 ? "NoTrigger" : string.Join(",", states.Distinct()), TextTable.Time(next),
                    TextTable.Time(last?.StartedAt), last?.Outcome.ToString(), last?.Items?.ToString(CultureInfo.InvariantCulture), detail?.Description);
            }
            await table.WriteAsync(context.Output);
            var stored = (await AllJobsAsync(scheduler, token)).ToHashSet();
            if (services.GetRequiredService<JobScheduleWriter>().Jobs.Where(j => !stored.Contains(j.Key)).Select(j => j.Key.ToString()).ToList() is [_, ..] missing)
                await context.Output.WriteLineAsync($"Not in the job store yet (written when the app starts, or by migrate): {string.Join(", ", missing)}.");
            return 0;
        }, ct));
        return list;
    }

    private static Command History(CliContext context)
    {
        var job = JobArgument();
        var limit = new Option<int>("--limit") { Description = "How many runs to show, newest first", DefaultValueFactory = _ => 20 };
        var history = CliContext.Verb("history", "The last runs of a job: start, end, outcome, items, node, error");
        history.Arguments.Add(job);
        history.Options.Add(limit);
        history.SetAction((parse, ct) => context.WithServicesAsync(parse, async (services, token) =>
        {
            var scheduler = await SchedulerAsync(services, token);
            if (await ResolveAsync(context, scheduler, parse.GetRequiredValue(job), token) is not { } key)
                return 1;
            var runs = await services.GetRequiredService<IJobRunRepository>().ListAsync(key.Group, key.Name, Math.Max(1, parse.GetValue(limit)), token);
            var table = new TextTable("RUN", "STARTED", "FINISHED", "SECONDS", "OUTCOME", "ITEMS", "NODE", "TRIGGER", "ERROR");
            foreach (var run in runs)
                table.Add(run.Id.ToString(CultureInfo.InvariantCulture), TextTable.Time(run.StartedAt), TextTable.Time(run.FinishedAt),
                    run.FinishedAt is { } end ? (end - run.StartedAt).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) : null,
                    run.Outcome.ToString(), run.Items?.ToString(CultureInfo.InvariantCulture), run.InstanceId, TriggerText(run), run.Error);
            await table.WriteAsync(context.Output);
            if (runs.Count == 0)
                await context.Output.WriteLineAsync($"{key} has no recorded runs yet.");
            return 0;
        }, ct));
        return history;
    }

    // Quartz gives a one-off trigger (jobs trigger, a webhook's nudge) a generated name in its default group; the app's
    // own triggers live in their job's group.
    private static string? TriggerText(JobRun run) => run.TriggerGroup == TriggerKey.DefaultGroup ? "manual" : run.TriggerName;

    /// <summary>A verb on one job; <paramref name="act"/> returns what to tell the operator, or a refusal (stderr, exit 1).</summary>
    private static Command OnJob(CliContext context, string name, string description,
        Func<IScheduler, JobKey, ParseResult, CancellationToken, Task<(bool Done, string Message)>> act, params Option[] options)
    {
        var job = JobArgument();
        var command = CliContext.Verb(name, description);
        command.Arguments.Add(job);
        foreach (var option in options)
            command.Options.Add(option);
        command.SetAction((parse, ct) => context.WithServicesAsync(parse, async (services, token) =>
        {
            var scheduler = await WritableSchedulerAsync(services, token);
            if (await ResolveAsync(context, scheduler, parse.GetRequiredValue(job), token) is not { } key)
                return 1;
            var (done, message) = await act(scheduler, key, parse, token);
            await (done ? context.Output : context.Error).WriteLineAsync(message);
            return done ? 0 : 1;
        }, ct));
        return command;
    }

    /// <summary>A paused job stays paused for a reason: running it anyway takes <c>--force</c>.</summary>
    private static Command Trigger(CliContext context)
    {
        var force = new Option<bool>("--force") { Description = "Run it even though it is paused (it stays paused afterwards)" };
        return OnJob(context, "trigger", "Run a job now, once (on whichever node picks it up)", async (scheduler, key, parse, ct) =>
        {
            if (await IsPausedAsync(scheduler, key, ct) && !parse.GetValue(force))
                return (false, $"{key} is paused: nothing triggered. Resume it (jobs resume {key}), or run it once anyway with jobs trigger {key} --force.");
            await scheduler.TriggerJob(key, ct);
            return (true, $"Triggered {key}: a running node will start it within seconds.");
        }, force);
    }

    private static async Task<bool> IsPausedAsync(IScheduler scheduler, JobKey key, CancellationToken ct)
    {
        var triggers = await scheduler.GetTriggersOfJob(key, ct);
        foreach (var trigger in triggers)
        {
            if (await scheduler.GetTriggerState(trigger.Key, ct) != TriggerState.Paused)
                return false;
        }
        return triggers.Count > 0;
    }

    private static Argument<string> JobArgument() => CliContext.Argument<string>("job", "The job: group.name as `jobs list` shows it, or just its name when unique");

    /// <summary>The app's scheduler over the persistent store, created but never started; reading it writes nothing.</summary>
    private static async Task<IScheduler> SchedulerAsync(IServiceProvider services, CancellationToken ct) =>
        await services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);

    /// <summary>
    /// The scheduler for a verb that changes the job store: the app's schedule is written first (only what differs), so
    /// the verb finds every job even before the app's first start.
    /// </summary>
    internal static async Task<IScheduler> WritableSchedulerAsync(IServiceProvider services, CancellationToken ct)
    {
        var scheduler = await SchedulerAsync(services, ct);
        await services.GetRequiredService<JobScheduleWriter>().WriteAsync(scheduler, ct);
        return scheduler;
    }

    private static async Task<IReadOnlyList<JobKey>> AllJobsAsync(IScheduler scheduler, CancellationToken ct) =>
        (await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), ct)).OrderBy(k => k.Group, StringComparer.Ordinal)
            .ThenBy(k => k.Name, StringComparer.Ordinal).ToList();

    private static async Task<JobKey?> ResolveAsync(CliContext context, IScheduler scheduler, string text, CancellationToken ct)
    {
        var keys = await AllJobsAsync(scheduler, ct);
        var matches = keys.Where(k => k.ToString() == text).ToList();
        if (matches.Count == 0)
            matches = keys.Where(k => k.Name == text).ToList();
        if (matches.Count == 1)
            return matches[0];
        await context.Error.WriteLineAsync(matches.Count == 0
            ? $"There is no job '{text}'. Jobs: {string.Join(", ", keys)}."
            : $"'{text}' names several jobs ({string.Join(", ", matches)}); use group.name.");
        return null;
    }
}
