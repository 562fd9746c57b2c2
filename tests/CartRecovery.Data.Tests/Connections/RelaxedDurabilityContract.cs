using CartRecovery.Core.Storage;
using CartRecovery.Data.Connections;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Data.Tests.Connections;

/// <summary>
/// Connections opened inside <see cref="RelaxedDurability"/> commit without waiting for the disk; every other connection,
/// a pooled one reused after a relaxed user included, waits for it, and so does the group commit whoever queues to it.
/// </summary>
public abstract class RelaxedDurabilityContract : DatabaseContract
{
    /// <summary>The engine's setting as the connection reports it: relaxed, then durable.</summary>
    protected abstract (string Sql, string Relaxed, string Durable) Setting { get; }

    private IDbConnectionFactory Connections => Db.Services.GetRequiredService<IDbConnectionFactory>();

    private async Task<string> ReadSettingAsync()
    {
        await using var db = await Connections.OpenAsync(Ct);
        return Convert.ToString(await db.ExecuteScalarAsync(new CommandDefinition(Setting.Sql, cancellationToken: Ct)), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    [Fact]
    public async Task Open_InsideAScope_IsRelaxedAndAfterItIsDurableAgainOnTheSamePooledConnection()
    {
        Assert.Equal(Setting.Durable, await ReadSettingAsync());
        using (RelaxedDurability.Begin())
            Assert.Equal(Setting.Relaxed, await ReadSettingAsync());

        Assert.Equal(Setting.Durable, await ReadSettingAsync());
    }

    [Fact]
    public async Task GroupCommit_WhenItsFirstUserIsRelaxed_StillCommitsQueuedWritesDurably()
    {
        var store = await AddStoreAsync();
        GroupCommit commits;
        string relaxedWrite;
        using (RelaxedDurability.Begin())
        {
            // Created here (its writer task starts inside the scope) when nothing needed it before.
            commits = Db.Services.GetRequiredService<GroupCommit>();
            relaxedWrite = await commits.RunAsync(async (db, transaction) =>
                Convert.ToString(await db.ExecuteScalarAsync(new CommandDefinition(Setting.Sql, transaction: transaction)), System.Globalization.CultureInfo.InvariantCulture)!, Ct);
        }

        var queuedWrite = await commits.RunAsync(async (db, transaction) =>
            Convert.ToString(await db.ExecuteScalarAsync(new CommandDefinition(Setting.Sql, transaction: transaction)), System.Globalization.CultureInfo.InvariantCulture)!, Ct);

        // A relaxed caller commits on its own; everybody else's writes wait for the disk as before.
        Assert.Equal(Setting.Relaxed, relaxedWrite);
        Assert.Equal(Setting.Durable, queuedWrite);
        Assert.True(await AcceptWebhookAsync(store.Id, "after", Now));
    }
}
