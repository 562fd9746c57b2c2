using System.Globalization;

namespace CartRecovery.Web.Cli;

/// <summary>Plain aligned columns: readable in a terminal, greppable, and stable in tests.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string?[] cells) => _rows.Add(cells.Select(c => c ?? "-").ToArray());

    public async Task WriteAsync(TextWriter output)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        await output.WriteLineAsync(Line(headers, widths));
        foreach (var row in _rows)
            await output.WriteLineAsync(Line(row, widths));
    }

    /// <summary>An instant as the tables show it: UTC, to the second.</summary>
    public static string Time(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
