using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Suppression;
using CartRecovery.Core.Tasks;
using CartRecovery.Data.Connections;
using CartRecovery.Data.Dialects;
using CartRecovery.Data.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartRecovery.Data.Tests;

public sealed class DataServiceCollectionExtensionsTests
{
    [Fact]
    public void AddCartRecoveryData_WithDefaults_ResolvesEveryPortOnSqlite()
    {
        using var services = Build([]);

        Assert.IsType<SqliteDialect>(services.GetRequiredService<SqlDialect>());
        Assert.NotNull(services.GetRequiredService<IDbConnectionFactory>());
        Assert.NotNull(services.GetRequiredService<DatabaseMigrator>());
        Assert.NotNull(services.GetRequiredService<ICartRepository>());
        Assert.NotNull(services.GetRequiredService<IMessageRepository>());
        Assert.NotNull(services.GetRequiredService<IStoreRepository>());
        Assert.NotNull(services.GetRequiredService<ISuppressionList>());
        Assert.NotNull(services.GetRequiredService<IFollowUpTaskRepository>());
        Assert.NotNull(services.GetRequiredService<IMetricsQuery>());
        Assert.Same(services.GetRequiredService<ICartRepository>(), services.GetRequiredService<ICartRepository>());
    }

    [Fact]
    public void AddCartRecoveryData_WhenProviderIsUnknown_FailsAtStartNamingTheKey()
    {
        using var services = Build(new() { ["Storage:Provider"] = "oracle" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Storage:Provider must be 'sqlite', 'postgres' or 'sqlserver' (it is 'oracle')", error.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<ICartRepository>());
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlserver")]
    public void AddCartRecoveryData_WhenAServerProviderHasNoConnectionString_FailsAtStartNamingTheKey(string provider)
    {
        using var services = Build(new() { ["Storage:Provider"] = provider });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"Storage:ConnectionString is required when Storage:Provider is '{provider}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("PostgreSQL")]
    public void AddCartRecoveryData_ForPostgres_ResolvesItsDialectWithoutConnecting(string provider)
    {
        using var services = Build(new() { ["Storage:Provider"] = provider, ["Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=x" });

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("postgres", Assert.IsType<PostgresDialect>(services.GetRequiredService<SqlDialect>()).Name);
        Assert.NotNull(services.GetRequiredService<IDbConnectionFactory>());
        Assert.NotNull(services.GetRequiredService<ICartRepository>());
    }

    [Fact]
    public void AddCartRecoveryData_ForSqlServer_ResolvesItsDialectWithoutConnecting()
    {
        using var services = Build(new() { ["Storage:Provider"] = "SqlServer", ["Storage:ConnectionString"] = "Server=127.0.0.1,1;Database=x" });

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("sqlserver", Assert.IsType<SqlServerDialect>(services.GetRequiredService<SqlDialect>()).Name);
        Assert.NotNull(services.GetRequiredService<IDbConnectionFactory>());
        Assert.NotNull(services.GetRequiredService<IMessageRepository>());
    }

    [Fact]
    public void AddCartRecoveryData_BindsTheStorageSection()
    {
        using var services = Build(new() { ["Storage:Provider"] = "SQLite", ["Storage:DataDirectory"] = "/var/lib/cr" });

        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(("SQLite", "/var/lib/cr"), (options.Provider, options.DataDirectory));
        Assert.Equal("Data Source=/var/lib/cr/cartrecovery.db", options.ResolveConnectionString());
        services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void ResolveConnectionString_DefaultsToTheDataDirectory_UnlessOneIsGiven()
    {
        Assert.Equal("Data Source=data/cartrecovery.db", new StorageOptions().ResolveConnectionString());
        Assert.Equal("Data Source=/tmp/x.db", new StorageOptions { ConnectionString = "Data Source=/tmp/x.db" }.ResolveConnectionString());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddCartRecoveryData()
            .BuildServiceProvider();
}
