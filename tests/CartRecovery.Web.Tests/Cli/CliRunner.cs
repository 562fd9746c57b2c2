using CartRecovery.Web.Cli;
using Microsoft.Data.Sqlite;

namespace CartRecovery.Web.Tests.Cli;

/// <summary>Runs the executable's verbs in-process on a real SQLite file in a fresh temp folder.</summary>
internal sealed class CliRunner : IDisposable
{
    private readonly List<string> _settings;

    public CliRunner(params string[] settings)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "cartrecovery-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _settings = [$"--Storage:DataDirectory={DataDirectory}", $"--Email:PickupDirectory={PickupDirectory}", "--Recovery:PublicBaseUrl=http://localhost/",
            // Emulated shops and Postmark run on loopback http, which the outbound policy refuses by default.
            "--Outbound:AllowHttp=true", "--Outbound:AllowPrivateNetworks=true"];
        _settings.AddRange(settings);
    }

    /// <summary>Last-word service overrides for every verb (a fake clock).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services { get; init; }

    public string DataDirectory { get; }
    public string PickupDirectory => Path.Combine(DataDirectory, "pickup");
    public string ConnectionString => $"Data Source={Path.Combine(DataDirectory, "cartrecovery.db")};Pooling=False";

    public async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await global::CartRecovery.Web.Cli.Cli.InvokeAsync([.. args, .. _settings], output, error, new CliOptions { ConfigureServices = Services }, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A file in the temp folder with <paramref name="content"/>.</summary>
    public string File(string name, string content)
    {
        var path = Path.Combine(DataDirectory, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public async Task<string?> ScalarAsync(string sql)
    {
        await using var db = new SqliteConnection(ConnectionString);
        await db.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new SqliteCommand(sql, db);
        return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
