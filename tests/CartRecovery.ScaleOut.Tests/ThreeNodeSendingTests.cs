using System.Diagnostics;
using System.Globalization;
using CartRecovery.Core.Messages;
using CartRecovery.Testing.Emulators.Postmark;

namespace CartRecovery.ScaleOut.Tests;

/// <summary>
/// Three real host processes on one PostgreSQL database (one Quartz cluster, up to three dispatch runs at once on any
/// nodes) send thousands of due messages through
/// Postmark (the loopback emulator, each node with its own server token so every send names its node). One node is
/// SIGKILLed mid-run while it holds claims. Every message must still be accepted exactly once, every row must end
/// Sent, and the survivors must have finished the dead node's claimed work.
/// </summary>
public sealed class ThreeNodeSendingTests
{
    private const int MessageCount = 2000;
    /// <summary>Timeout of each phase (joining, sending). Generous for loaded machines; an idle CI machine needs far less.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task ThreeNodes_WhenOneIsKilledMidRun_SendEveryMessageExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        await using var database = await ScaleOutDatabase.CreateAsync(ct);
        var emulatorOptions = new PostmarkEmulatorOptions { SendLatency = TimeSpan.FromMilliseconds(2) };
        string[] tokens = ["node-a-token", "node-b-token", "node-c-token"];
        foreach (var token in tokens)
            emulatorOptions.ServerTokens.Add(token);
        await using var postmark = await PostmarkEmulator.StartAsync(emulatorOptions, ct);
        using var shared = new TempFolder();

        // Upgrade first, as the operations guide says: the migrate verb, then the nodes.
        await using (var migrate = HostNode.Start("migrate", Settings(database, postmark, shared.Path, tokens[0]), "migrate"))
            Assert.True(await migrate.WaitForExitAsync(TimeSpan.FromSeconds(60), ct) == 0, migrate.Tail());
        var ids = await database.SeedDueMessagesAsync(MessageCount, ct);
        Assert.Equal(MessageCount, ids.Count);
        var setUp = clock.Elapsed;

        var nodes = tokens.Select((t, i) => HostNode.Start($"node-{i}", Settings(database, postmark, shared.Path, t))).ToList();
        try
        {
            // Kill whichever node is sending once every node has joined the cluster and some sends were recorded.
            var (victim, orphans, sentBeforeKill) = await KillASendingNodeAsync(database, nodes, ct);
            var survivors = nodes.Where(n => n != victim).ToList();
            var (rows, mostNodesSendingAtOnce) = await WaitUntilAllSentAsync(database, nodes, ct);
            var elapsed = clock.Elapsed;

            // Exactly once at the provider, and each row records the send the provider knows.
            var accepted = postmark.Messages.GroupBy(m => long.Parse(m.Metadata["message_id"], CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.ToList());
            var twice = accepted.Where(a => a.Value.Count > 1).Select(a => a.Key).ToList();
            Assert.True(twice.Count == 0, $"sent more than once: {string.Join(", ", twice.Take(20))}");
            Assert.Equal(ids.Order(), accepted.Keys.Order());
            Assert.All(ids, id => Assert.Equal(accepted[id][0].MessageId, rows[id].ProviderMessageId));
            Assert.All(rows.Values, r => Assert.Equal(MessageStatus.Sent, r.Status));

            // The survivors finished what the dead node had claimed: its orphans end Sent under a survivor's claim, and
            // each went to the provider once (from the dead node before it died, found by the lookup, or from a survivor).
            Assert.NotEmpty(orphans);
            Assert.All(orphans, id => Assert.Contains(survivors, s => rows[id].ClaimedBy!.StartsWith(s.ClaimerPrefix, StringComparison.Ordinal)));
            var victimToken = tokens[nodes.IndexOf(victim)];
            Assert.Contains(postmark.Messages, m => m.ServerToken != victimToken);
            Assert.True(sentBeforeKill > 0 && sentBeforeKill < MessageCount);

            // Quartz saw the death: the dead node's check-in row was removed by the survivors' cluster recovery.
            var instances = await database.SchedulerInstancesAsync(ct);
            Assert.Equal(2, instances.Count);

            TestContext.Current.SendDiagnosticMessage(
                $"scale-out: setup {setUp.TotalSeconds:F1} s, run {(elapsed - setUp).TotalSeconds:F1} s, killed {victim.Name} after {sentBeforeKill} sends " +
                $"holding {orphans.Count} claims; at most {mostNodesSendingAtOnce} surviving nodes sent at once; sent per token: {string.Join(", ", postmark.Messages.GroupBy(m => m.ServerToken).Select(g => $"{g.Key}={g.Count()}"))}");
        }
        catch (Exception) when (Report(nodes))
        {
            throw;
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
        }
    }

    private static async Task<(HostNode Victim, IReadOnlyList<long> Orphans, int SentBeforeKill)> KillASendingNodeAsync(
        ScaleOutDatabase database, List<HostNode> nodes, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Budget)
        {
            var instances = await database.SchedulerInstancesAsync(ct);
            var (sent, _, claimers) = await database.ProgressAsync(ct);
            Assert.True(sent < MessageCount - 500, $"the run ended before all three nodes joined the cluster ({instances.Count} did)");
            var holder = nodes.FirstOrDefault(n => claimers.Any(c => c.StartsWith(n.ClaimerPrefix, StringComparison.Ordinal)));
            if (instances.Count == nodes.Count && sent >= 100 && holder is not null)
            {
                holder.Kill();
                var after = await database.MessagesAsync(ct);
                var orphans = after.Where(r => r.Value.Status == MessageStatus.Claimed && r.Value.ClaimedBy!.StartsWith(holder.ClaimerPrefix, StringComparison.Ordinal))
                    .Select(r => r.Key).ToList();
                return (holder, orphans, after.Values.Count(r => r.Status == MessageStatus.Sent));
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
        }
        throw new TimeoutException("no node was seen sending while all three were in the cluster");
    }

    private static async Task<(Dictionary<long, (MessageStatus Status, string? ClaimedBy, string? ProviderMessageId)> Rows, int MostNodesSendingAtOnce)> WaitUntilAllSentAsync(
        ScaleOutDatabase database, IReadOnlyList<HostNode> nodes, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        var mostNodesSendingAtOnce = 0;
        while (true)
        {
            var (_, open, claimers) = await database.ProgressAsync(ct);
            var living = nodes.Count(n => !n.HasExited && claimers.Any(c => c.StartsWith(n.ClaimerPrefix, StringComparison.Ordinal)));
            mostNodesSendingAtOnce = Math.Max(mostNodesSendingAtOnce, living);
            if (open == 0)
                return (await database.MessagesAsync(ct), mostNodesSendingAtOnce);
            if (deadline.Elapsed > Budget)
                throw new TimeoutException($"{open} messages still unsent after {Budget}");
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }

    private static Dictionary<string, string> Settings(ScaleOutDatabase database, PostmarkEmulator postmark, string sharedFolder, string token) => new()
    {
        ["urls"] = "http://127.0.0.1:0",
        ["Storage:Provider"] = "postgres",
        ["Storage:ConnectionString"] = database.ConnectionString,
        // Shared by all nodes, as in production: the generated link-signing key and the Data Protection key ring.
        ["Storage:DataDirectory"] = sharedFolder,
        ["Email:Transport"] = "postmark",
        ["Postmark:BaseUrl"] = postmark.BaseUrl.AbsoluteUri,
        ["Postmark:ServerToken"] = token,
        // The Postmark emulator is on loopback http, which the outbound policy refuses by default.
        ["Outbound:AllowHttp"] = "true",
        ["Outbound:AllowPrivateNetworks"] = "true",
        ["Recovery:PublicBaseUrl"] = "https://recover.example/",
        ["Recovery:DispatchBatchSize"] = "20",
        // Far above a batch's duration, even on a loaded machine (a lease running out mid-batch would let a second node
        // claim a message its first dispatcher is still about to send).
        ["Recovery:ClaimLease"] = "00:00:12",
        ["Jobs:SendDueMessagesEvery"] = "00:00:00.500",
        ["Jobs:DetectAbandonedEvery"] = "01:00:00",
        ["Jobs:PollStoresEvery"] = "01:00:00",
        ["Jobs:ProcessWebhooksEvery"] = "01:00:00",
        ["Jobs:ClusterCheckinInterval"] = "00:00:01",
        ["Jobs:ClusterCheckinMisfireThreshold"] = "00:00:02",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:CartRecovery"] = "Warning",
    };

    private static bool Report(IEnumerable<HostNode> nodes)
    {
        foreach (var node in nodes)
            TestContext.Current.SendDiagnosticMessage(node.Tail());
        return false;
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("cartrecovery-scaleout-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
