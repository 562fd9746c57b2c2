using CartRecovery.Data.Dialects;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CartRecovery.Data.Tests.SqlServer;

/// <summary>The shapes SQL Server needs, read from the parsed statements (no server runs here).</summary>
public sealed class SqlServerDialectTests
{
    private readonly SqlServerDialect _dialect = new();

    [Fact]
    public void Claims_ReadPastLockedRows_KeepTheirOwnUntilTheUpdate_AndReturnTheClaimedRows()
    {
        foreach (var (name, sql) in new[]
                 {
                     ("ClaimDueMessages", _dialect.ClaimDueMessages), ("ClaimExpiredMessageLeases", _dialect.ClaimExpiredMessageLeases),
                     ("ClaimWebhookDeliveries", _dialect.ClaimWebhookDeliveries),
                 })
        {
            var script = TSql.Parse(name, sql);
            var hints = new HintCollector();
            script.Accept(hints);

            Assert.Equal([TableHintKind.ReadPast, TableHintKind.Rowlock, TableHintKind.UpdLock], hints.Hints.Order());
            var update = Assert.IsType<UpdateStatement>(Assert.Single(script.Batches.Single().Statements));
            Assert.NotNull(update.WithCtesAndXmlNamespaces);
            Assert.NotNull(update.UpdateSpecification.OutputClause);
        }
    }

    [Fact]
    public void Upserts_UpdateUnderUpdLockAndSerializable_ThenInsertWhenNoRowChanged_InOneTransaction()
    {
        var script = TSql.Parse("UpsertConnectorState", _dialect.UpsertConnectorState);
        var hints = new HintCollector();
        script.Accept(hints);
        var statements = script.Batches.Single().Statements;

        Assert.Equal([TableHintKind.Serializable, TableHintKind.UpdLock], hints.Hints.Order());
        Assert.Collection(statements,
            s => Assert.IsType<PredicateSetStatement>(s),
            s => Assert.IsType<BeginTransactionStatement>(s),
            s => Assert.IsType<UpdateStatement>(s),
            s => Assert.IsType<InsertStatement>(Assert.IsType<IfStatement>(s).ThenStatement),
            s => Assert.IsType<CommitTransactionStatement>(s));
        Assert.Contains("WHERE store_id = @StoreId AND \"key\" = @Key;", _dialect.UpsertConnectorState, StringComparison.Ordinal);
    }

    [Fact]
    public void InsertIgnoringDuplicates_InsertsOnlyWhenNoRowHasTheKey()
    {
        var sql = _dialect.InsertIgnoringDuplicates("INSERT INTO cart_refs (store_id, ref, cart_id) VALUES (@StoreId, @Ref, @CartId)", "store_id, ref");

        Assert.Equal("""
            INSERT INTO cart_refs (store_id, ref, cart_id)
            SELECT @StoreId, @Ref, @CartId
            WHERE NOT EXISTS (SELECT 1 FROM cart_refs WITH (UPDLOCK, HOLDLOCK) WHERE store_id = @StoreId AND ref = @Ref)
            """, sql);
        Assert.Throws<ArgumentException>(() => _dialect.InsertIgnoringDuplicates("INSERT INTO t (a) VALUES (@A)", "b"));
        Assert.Throws<ArgumentException>(() => _dialect.InsertIgnoringDuplicates("INSERT INTO t (a) SELECT 1", "a"));
    }

    [Fact]
    public void InsertReturningId_OutputsTheNewIdBeforeValues_AndPageUsesOffsetFetch()
    {
        Assert.Equal("INSERT INTO carts (store_id, status) OUTPUT INSERTED.id VALUES (@StoreId, @Status)",
            _dialect.InsertReturningId("INSERT INTO carts (store_id, status)\nVALUES (@StoreId, @Status)"));
        Assert.Equal("SELECT 1 ORDER BY 1 OFFSET @Skip ROWS FETCH NEXT @Take ROWS ONLY", _dialect.Page("SELECT 1 ORDER BY 1"));
        Assert.Equal("sqlserver", _dialect.Name);
    }

    private sealed class HintCollector : TSqlFragmentVisitor
    {
        public List<TableHintKind> Hints { get; } = [];

        public override void Visit(TableHint node) => Hints.Add(node.HintKind);
    }
}
