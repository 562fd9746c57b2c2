using CartRecovery.Core.Jobs;

namespace CartRecovery.Data.Jobs;

internal sealed class JobRunRow
{
    public const string Columns = """
        id, job_group, job_name, trigger_group, trigger_name, instance_id, fire_instance_id, scheduled_at, started_at,
        finished_at, outcome, error, items
        """;

    public long Id { get; set; }
    public string JobGroup { get; set; } = "";
    public string JobName { get; set; } = "";
    public string? TriggerGroup { get; set; }
    public string? TriggerName { get; set; }
    public string InstanceId { get; set; } = "";
    public string FireInstanceId { get; set; } = "";
    public long? ScheduledAt { get; set; }
    public long StartedAt { get; set; }
    public long? FinishedAt { get; set; }
    public long Outcome { get; set; }
    public string? Error { get; set; }
    public long? Items { get; set; }

    public static JobRunRow From(JobRun run) => new()
    {
        JobGroup = run.JobGroup,
        JobName = run.JobName,
        TriggerGroup = run.TriggerGroup,
        TriggerName = run.TriggerName,
        InstanceId = run.InstanceId,
        FireInstanceId = run.FireInstanceId,
        ScheduledAt = DbTime.ToDb(run.ScheduledAt),
        StartedAt = DbTime.ToDb(run.StartedAt),
        FinishedAt = DbTime.ToDb(run.FinishedAt),
        Outcome = (long)run.Outcome,
        Error = run.Error,
        Items = run.Items,
    };

    public JobRun ToRun() => new()
    {
        Id = Id,
        JobGroup = JobGroup,
        JobName = JobName,
        TriggerGroup = TriggerGroup,
        TriggerName = TriggerName,
        InstanceId = InstanceId,
        FireInstanceId = FireInstanceId,
        ScheduledAt = DbTime.FromDb(ScheduledAt),
        StartedAt = DbTime.FromDb(StartedAt),
        FinishedAt = DbTime.FromDb(FinishedAt),
        Outcome = (JobRunOutcome)Outcome,
        Error = Error,
        Items = Items,
    };
}
