using System.Reflection;
using System.Text.RegularExpressions;
using CartRecovery.Data.Accounts;
using CartRecovery.Data.Carts;
using CartRecovery.Data.Dialects;
using CartRecovery.Data.Jobs;
using CartRecovery.Data.Messages;
using CartRecovery.Data.Privacy;
using CartRecovery.Data.Suppression;
using CartRecovery.Data.Tasks;
using CartRecovery.Data.Webhooks;

namespace CartRecovery.Data.Tests.SqlServer;

/// <summary>
/// Every SQL text the app sends on SQL Server: the <see cref="SqlServerDialect"/>'s statements, every SQL field of the
/// Data assembly (const strings, static readonly strings and string arrays; harvested by reflection, so a new store
/// statement is checked without being listed), and the compositions the stores apply to some of them (below).
/// Dapper's list expansion (<c>IN @Ids</c> → <c>IN (@Ids1, @Ids2)</c>) is applied before parsing.
/// Not covered: SQL sent by other components (Quartz's own statements, DbUp's journal) and the Quartz schema
/// extension, which the host registers.
/// </summary>
public static partial class SqlServerStatements
{
    private static readonly SqlServerDialect Dialect = new();

    /// <summary>
    /// How the stores compose fields with the dialect; keep in step with the store code (a missing field fails here).
    /// The plain fields are checked too, harmlessly: each is valid T-SQL on its own.
    /// </summary>
    private static readonly (Type Type, string Field, Func<string, string> Compose)[] Compositions =
    [
        (typeof(CartRepository), "InsertCartSql", Dialect.InsertReturningId),
        (typeof(CartRepository), "InsertRefSql", sql => Dialect.InsertIgnoringDuplicates(sql, "store_id, ref")),
        (typeof(CartRepository), "InsertRefSql", sql => Dialect.InsertIgnoringDuplicates(MultiRowInsert.Sql(sql, 3), "store_id, ref")),
        (typeof(CartRepository), "InsertLineSql", sql => MultiRowInsert.Sql(sql, 2)),
        (typeof(CartRepository), "FindByRefsSql", Dialect.ListParameter),
        (typeof(CartRepository), "ListSql", Dialect.Page),
        (typeof(CartRepository), "ListVisibleSql", sql => Dialect.Page(Dialect.ListParameter(sql))),
        (typeof(FollowUpTaskRepository), "ListVisibleSql", Dialect.ListParameter),
        (typeof(MessageRepository), "CountQuarantinedInSql", Dialect.ListParameter),
        (typeof(CartRepository), "FindIdleSql", Dialect.Page),
        (typeof(CartReader), "LinesSql", Dialect.ListParameter),
        (typeof(MessageRepository), "CountEmailsSentSql", Dialect.ListParameter),
        (typeof(SuppressionList), "SuppressedAmongSql", Dialect.ListParameter),
        (typeof(JobRunRepository), "InsertSql", Dialect.InsertReturningId),
        (typeof(JobRunRepository), "ListSql", Dialect.Page),
        (typeof(RetentionRepository), "ExpiredCartsSql", Dialect.Page),
        (typeof(MessageRow), "InsertSql", sql => Dialect.InsertIgnoringDuplicates(sql, "cart_id, step")),
        (typeof(WebhookInbox), "InsertSql", sql => Dialect.InsertIgnoringDuplicates(sql, "platform, delivery_id")),
        (typeof(SuppressionList), "InsertSql", sql => Dialect.InsertIgnoringDuplicates(sql, "store_id, email_normalized")),
        (typeof(FollowUpTaskRepository), "InsertSql", sql => Dialect.InsertIgnoringDuplicates(sql, "message_id")),
        (typeof(AccountRow), "InsertSql", Dialect.InsertReturningId),
        (typeof(AccountRepository), "InsertUserSql", Dialect.InsertReturningId),
        (typeof(ApiKeyRepository), "InsertSql", Dialect.InsertReturningId),
        (typeof(InvitationRepository), "InsertSql", Dialect.InsertReturningId),
        (typeof(AuditLog), "ListSql", Dialect.Page),
    ];

    public static IReadOnlyList<(string Name, string Sql)> All { get; } = Harvest();

    private static List<(string Name, string Sql)> Harvest()
    {
        var statements = new List<(string Name, string Sql)>();

        // The dialect's statements: its string properties (upserts, claims) and its own fields (the schema lock).
        foreach (var property in typeof(SqlDialect).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.PropertyType == typeof(string) && p.Name != nameof(SqlDialect.Name)))
            statements.Add(($"{nameof(SqlServerDialect)}.{property.Name}", (string)property.GetValue(Dialect)!));
        statements.AddRange(Fields(typeof(SqlServerDialect)));

        // Every store's SQL; the other dialects' fields are their own engines' SQL.
        foreach (var type in typeof(SqlDialect).Assembly.GetTypes()
                     .Where(t => !typeof(SqlDialect).IsAssignableFrom(t) && t.Namespace?.StartsWith("CartRecovery.Data", StringComparison.Ordinal) == true))
            statements.AddRange(Fields(type).Where(s => IsStatement(s.Sql)));

        foreach (var (type, field, compose) in Compositions)
        {
            var value = type.GetField(field, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) as string
                ?? throw new InvalidOperationException($"{type.Name}.{field} is no longer a SQL field; update the compositions.");
            statements.Add(($"{type.Name}.{field} (composed)", compose(value)));
        }
        return statements.Select(s => (s.Name, DapperListExpansion().Replace(s.Sql, "IN (${list}1, ${list}2)"))).ToList();
    }

    private static IEnumerable<(string Name, string Sql)> Fields(Type type)
    {
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
        {
            // An open generic type's static fields have no value until the type is closed (constants still do).
            var value = field.IsLiteral ? field.GetRawConstantValue() : field.IsInitOnly && !type.ContainsGenericParameters ? field.GetValue(null) : null;
            if (value is string sql)
                yield return ($"{type.Name}.{field.Name}", sql);
            else if (value is string[] list)
                for (var i = 0; i < list.Length; i++)
                    yield return ($"{type.Name}.{field.Name}[{i}]", list[i]);
        }
    }

    /// <summary>Whole statements, not fragments such as column lists or WHERE clauses spliced into them.</summary>
    private static bool IsStatement(string sql) => StatementStart().IsMatch(sql);

    [GeneratedRegex(@"^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|MERGE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatementStart();

    [GeneratedRegex(@"\bIN\s+(?<list>@\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex DapperListExpansion();
}
