using CartRecovery.Data.Connections;
using Npgsql;

namespace CartRecovery.Data.Tests.Connections;

public sealed class PostgresAutoPrepareTests
{
    [Fact]
    public void WithAutoPrepare_ConnectionStringSaysNothing_PreparesTheDefault()
    {
        var result = PostgresConnectionFactory.WithAutoPrepare("Host=db;Database=app;Username=app");

        Assert.Equal(PostgresConnectionFactory.DefaultMaxAutoPrepare, new NpgsqlConnectionStringBuilder(result).MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=db;Database=app;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=app;maxautoprepare=5", 5)]
    public void WithAutoPrepare_ConnectionStringSetsIt_KeepsTheUsersValue(string connectionString, int expected)
    {
        var result = PostgresConnectionFactory.WithAutoPrepare(connectionString);

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(result).MaxAutoPrepare);
    }
}
