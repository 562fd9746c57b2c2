using CartRecovery.Core.Jobs;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using Dapper;

namespace CartRecovery.Data.Jobs;

/// <summary>Job run history in <c>job_runs</c>: one row per firing, inserted at start and completed at the end.</summary>
internal sealed class JobRunRepository : IJobRunRepository
{
    private const string InsertSql = """
        INSERT INTO job_runs (job_group, job_name, trigger_group, trigger_name, instance_id, fire_instance_id, scheduled_at,
                              started_at, finished_at, outcome, error, items)
        VALUES (@JobGroup, @JobName, @TriggerGroup, @TriggerName, @InstanceId, @FireInstanceId, @ScheduledAt,
                @StartedAt, @FinishedAt, @Outcome, @Error, @Items)
        """;

    private const string FinishSql = """
        UPDATE job_runs SET finished_at = @FinishedAt, outcome = @Outcome, error = @Error, items = @Items WHERE id = @Id
        """;

    private const string ListSql = $"""
        SELECT {JobRunRow.Columns} FROM job_runs WHERE job_group = @Group AND job_name = @Name ORDER BY started_at DESC, id DESC
        """;

    private const string LatestSql = $"""
        SELECT {JobRunRow.Columns} FROM job_runs
        WHERE id IN (SELECT MAX(id) FROM job_runs GROUP BY job_group, job_name)
        """;

    private const string PruneSql = "DELETE FROM job_runs WHERE started_at < @Before";

    private readonly IDbConnectionFactory _connections;
    private readonly SqlDialect _dialect;

    public JobRunRepository(IDbConnectionFactory connections, SqlDialect dialect)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(dialect);
        DapperSetup.Ensure();
        _connections = connections;
        _dialect = dialect;
    }

    public async Task<long> StartAsync(JobRun run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteScalarAsync<long>(new CommandDefinition(_dialect.InsertReturningId(InsertSql), JobRunRow.From(run), cancellationToken: ct));
    }

    public async Task FinishAsync(long id, DateTimeOffset finishedAt, JobRunOutcome outcome, string? failure, long? items, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        await db.ExecuteAsync(new CommandDefinition(FinishSql, new
        {
            Id = id,
            FinishedAt = DbTime.ToDb(finishedAt),
            Outcome = (long)outcome,
            Error = failure,
            Items = items,
        }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<JobRun>> ListAsync(string jobGroup, string jobName, int take, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<JobRunRow>(new CommandDefinition(_dialect.Page(ListSql),
            new { Group = jobGroup, Name = jobName, Skip = 0, Take = take }, cancellationToken: ct));
        return rows.Select(r => r.ToRun()).ToList();
    }

    public async Task<IReadOnlyDictionary<(string Group, string Name), JobRun>> LatestAsync(CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        var rows = await db.QueryAsync<JobRunRow>(new CommandDefinition(LatestSql, cancellationToken: ct));
        return rows.ToDictionary(r => (r.JobGroup, r.JobName), r => r.ToRun());
    }

    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        return await db.ExecuteAsync(new CommandDefinition(PruneSql, new { Before = DbTime.ToDb(before) }, cancellationToken: ct));
    }
}
