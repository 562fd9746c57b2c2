using CartRecovery.Data.Messages;

namespace CartRecovery.Data.Tests.Performance;

public sealed class SqliteQueryPlanTests : QueryPlanContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabases.SqliteAsync();

    // SQLite plans by rules, not by the table's statistics, so the plan of an empty table is the plan of a backlog.
    // (PostgreSQL's planner sorts an empty table's single estimated row and walks the index on a large one.)
    [Fact]
    public async Task ClaimWebhookDeliveries_ReadsTheBacklogInIndexOrder_WithoutSortingIt()
    {
        var plan = await PlanAsync(Db.Dialect.ClaimWebhookDeliveries, new { LeaseUntil = Ms(At.AddMinutes(1)), Pending = 0, Now = Ms(At), Batch = 100 });

        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FrequencyCapCount_ReadsTheAddresssEmails_NotEveryEmailTheStoreSent()
    {
        var plan = await PlanAsync(Const<MessageRepository>("CountEmailsSentSql"),
            new { Emails = new[] { "ada@example.com", "bob@example.com" }, Since = Ms(At.AddDays(-7)), Sent = 2, Kind = 0, StoreIds = new[] { 1L } });

        Assert.Contains(plan, step => step.Contains("ix_messages_recipient_normalized_sent_at", StringComparison.Ordinal));
    }
}
