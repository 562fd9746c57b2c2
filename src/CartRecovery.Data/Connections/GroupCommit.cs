using System.Data.Common;
using System.Threading.Channels;
using CartRecovery.Core.Storage;

namespace CartRecovery.Data.Connections;

/// <summary>
/// Commits many small, independent writes in one transaction: the hot paths (a webhook delivery into the inbox, a
/// restore-link click) each queue their write and await it; one writer takes whatever is queued (up to
/// <see cref="MaxBatch"/>), runs it in one transaction and completes every caller only once that transaction has
/// committed. So each caller still gets "stored" only when it is durable, but a burst costs one commit (one fsync)
/// per batch instead of one per row, and on SQLite the writes stop queueing on the database's single write lock.
/// Writes that run the same statements are queued as one kind (<see cref="IBatchedWrite{TItem, TResult}"/>), so a
/// batch compiles (SQLite) or sends (the server engines) each statement once.
/// </summary>
/// <remarks>
/// No timer: while one batch commits, the next one gathers, so a quiet moment costs one commit per write and a burst
/// batches itself; before taking a batch the writer lets the thread pool's queued work run, so writes on their way
/// join it. When a batch fails, its writes are retried one per transaction, so a write that cannot be stored fails
/// alone and the others are stored (a PostgreSQL transaction that hit an error cannot go on).
/// </remarks>
internal sealed class GroupCommit : IAsyncDisposable, IDisposable
{
    /// <summary>The most writes one transaction takes.</summary>
    public const int MaxBatch = 256;

    private readonly IDbConnectionFactory _connections;
    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public GroupCommit(IDbConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        _connections = connections;
        // The writer must not inherit its creator's async-local state (a RelaxedDurability scope would make every
        // acknowledged write non-durable).
        using (ExecutionContext.SuppressFlow())
            _writer = Task.Run(WriteAsync);
    }

    /// <summary>
    /// Runs <paramref name="write"/> in a shared transaction and returns its result once that transaction has committed.
    /// A caller that stops waiting (<paramref name="ct"/>) does not withdraw its write: it may still be stored.
    /// </summary>
    public Task<T> RunAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        // A relaxed caller does not wait for the disk, so it has nothing to share: its own quick commit is cheaper.
        if (RelaxedDurability.IsOn)
            return RunAloneAsync(write, ct);
        var queued = new Single<T>(write);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(queued), this);
        return queued.Completion.Task.WaitAsync(ct);
    }

    /// <summary>
    /// As <see cref="RunAsync{T}(Func{DbConnection, DbTransaction, Task{T}}, CancellationToken)"/>, for a write of a kind
    /// whose instances in the same transaction run together (<see cref="IBatchedWrite{TItem, TResult}"/>).
    /// </summary>
    public Task<TResult> RunAsync<TItem, TResult>(IBatchedWrite<TItem, TResult> kind, TItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (RelaxedDurability.IsOn)
            return RunAloneAsync(async (db, transaction) => (await kind.RunAsync(db, transaction, [item]))[0], ct);
        var queued = new Batched<TItem, TResult>(kind, item);
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(queued), this);
        return queued.Completion.Task.WaitAsync(ct);
    }

    private async Task<T> RunAloneAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken ct)
    {
        await using var db = await _connections.OpenAsync(ct);
        await using var transaction = await db.BeginTransactionAsync(ct);
        var result = await write(db, transaction);
        await transaction.CommitAsync(ct);
        return result;
    }

    private async Task WriteAsync()
    {
        var batch = new List<Write>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            // Let the work already queued on the thread pool run first: under load that is requests about to queue
            // their write, which then share this commit instead of each waiting for the next. One yield costs a few
            // microseconds; it took batches of restore clicks from 6 writes to 13 and their CPU from 128 to 100 µs.
            await Task.Yield();
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
                batch.Add(write);
            try
            {
                await CommitAsync(batch);
                batch.ForEach(w => w.Complete());
            }
            catch (Exception) when (batch.Count > 1)
            {
                foreach (var write in batch)
                    await CommitAloneAsync(write);
            }
            catch (Exception error)
            {
                batch[0].Fail(error);
            }
        }
    }

    private async Task CommitAloneAsync(Write write)
    {
        try
        {
            await CommitAsync([write]);
            write.Complete();
        }
        catch (Exception error)
        {
            write.Fail(error);
        }
    }

    // The callers' tokens are not used here: once a write is in a transaction with others, one caller leaving must
    // not roll back the rest.
    private async Task CommitAsync(List<Write> writes)
    {
        await using var db = await _connections.OpenAsync(CancellationToken.None);
        await using var transaction = await db.BeginTransactionAsync(CancellationToken.None);
        // Writes of one batched kind run together, where the first of them was queued; the others one by one.
        foreach (var group in writes.GroupBy(w => w.Kind ?? w))
            await group.First().RunAsync(db, transaction, group.ToList());
        await transaction.CommitAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    /// <summary>For a container disposed synchronously: the queued writes still commit before it returns.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
    }

    private abstract class Write
    {
        /// <summary>The batched kind this write belongs to, or null for a write that runs on its own.</summary>
        public virtual object? Kind => null;

        /// <summary>Runs <paramref name="group"/> (this write, or every write of its <see cref="Kind"/> in the transaction).</summary>
        public abstract Task RunAsync(DbConnection db, DbTransaction transaction, IReadOnlyList<Write> group);
        public abstract void Complete();
        public abstract void Fail(Exception error);
    }

    private abstract class Write<T> : Write
    {
        protected T Result { get; set; } = default!;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Complete() => Completion.TrySetResult(Result);

        public override void Fail(Exception error) => Completion.TrySetException(error);
    }

    private sealed class Single<T>(Func<DbConnection, DbTransaction, Task<T>> write) : Write<T>
    {
        public override async Task RunAsync(DbConnection db, DbTransaction transaction, IReadOnlyList<Write> group) =>
            Result = await write(db, transaction);
    }

    private sealed class Batched<TItem, TResult>(IBatchedWrite<TItem, TResult> kind, TItem item) : Write<TResult>
    {
        public override object Kind => kind;

        public override async Task RunAsync(DbConnection db, DbTransaction transaction, IReadOnlyList<Write> group)
        {
            var writes = group.Cast<Batched<TItem, TResult>>().ToList();
            var results = await kind.RunAsync(db, transaction, writes.ConvertAll(w => w.Item));
            for (var i = 0; i < writes.Count; i++)
                writes[i].Result = results[i];
        }

        private TItem Item => item;
    }
}
