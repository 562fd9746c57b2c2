using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace CartRecovery.Data.Connections;

/// <summary>Opens pooled SQL Server connections (SqlClient pools per connection string).</summary>
internal sealed class SqlServerConnectionFactory : NewConnectionFactory
{
    private readonly string _connectionString;

    public SqlServerConnectionFactory(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connectionString = new SqlConnectionStringBuilder(connectionString).ConnectionString;
    }

    protected override DbConnection CreateConnection() => new SqlConnection(_connectionString);
}
