using System.Text.Json;
using CartRecovery.Web.Features.Stores;
using CsvHelper;

namespace CartRecovery.Web.Cli;

/// <summary>
/// Reads an agency's onboarding file: CSV with a header row, or a JSON array of objects, with the names
/// <c>POST /api/stores</c> accepts (platform, shopDomain, accessToken, apiBaseUrl, siteUrl, consumerKey, consumerSecret,
/// webhookSecret; any case). Row 1 is the first store (the line after a CSV header, the first element of a JSON array).
/// </summary>
internal static class StoreImportFile
{
    private static readonly string[] Columns =
        ["platform", "shopDomain", "accessToken", "apiBaseUrl", "siteUrl", "consumerKey", "consumerSecret", "webhookSecret"];

    /// <summary>The rows, or a problem with the file as a whole (unreadable, unknown column, not an array).</summary>
    public static async Task<(IReadOnlyList<CreateStoreRequest> Rows, string? Problem)> ReadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
            return ([], $"{path}: no such file");
        var extension = Path.GetExtension(path);
        try
        {
            if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
                return await ReadCsvAsync(path, ct);
            if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
                return await ReadJsonAsync(path, ct);
        }
        catch (Exception e) when (e is JsonException or CsvFormatException or IOException)
        {
            return ([], $"{path}: cannot be read: {e.Message}");
        }
        return ([], $"{path}: the file must end in .csv or .json");
    }

    private static async Task<(IReadOnlyList<CreateStoreRequest>, string?)> ReadCsvAsync(string path, CancellationToken ct)
    {
        await using var csv = CsvReader.Create(File.OpenRead(path), new CsvReaderOptions { TrimWhitespace = true }, false);
        await csv.ReadHeaderAsync(ct);
        var header = csv.Headers.ToArray();
        if (header.Length == 0)
            return ([], $"{path}: the file is empty (a header row naming the columns comes first)");
        if (header.FirstOrDefault(h => !Columns.Contains(h.Trim(), StringComparer.OrdinalIgnoreCase)) is { } unknown)
            return ([], $"{path}: column '{unknown}' is not known; columns are {string.Join(", ", Columns)}");
        var index = Columns.ToDictionary(c => c, c => csv.TryGetFieldIndex(c, out var i) ? i : -1);
        string? Cell(string column) => index[column] is >= 0 and var i && !csv.IsEmpty(i) ? csv.GetString(i) : null;

        var rows = new List<CreateStoreRequest>();
        while (await csv.ReadAsync(ct))
        {
            rows.Add(new CreateStoreRequest(Cell("platform"), Cell("shopDomain"), Cell("accessToken"), Cell("apiBaseUrl"), Cell("siteUrl"),
                Cell("consumerKey"), Cell("consumerSecret"), Cell("webhookSecret")));
        }
        return (rows, null);
    }

    private static async Task<(IReadOnlyList<CreateStoreRequest>, string?)> ReadJsonAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            return ([], $"{path}: the JSON must be an array of stores");
        var rows = new List<CreateStoreRequest>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            // A row that is not an object is kept as an empty request, so that it is reported with its row number.
            rows.Add(element.ValueKind == JsonValueKind.Object
                ? element.Deserialize<CreateStoreRequest>(JsonSerializerOptions.Web) ?? Empty
                : Empty);
        }
        return (rows, null);
    }

    private static readonly CreateStoreRequest Empty = new(null, null, null, null, null, null, null, null);
}
