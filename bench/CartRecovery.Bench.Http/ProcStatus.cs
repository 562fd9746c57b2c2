using System.Globalization;

namespace CartRecovery.Bench.Http;

/// <summary>Fields of a process's <c>/proc/PID/status</c> (Linux; elsewhere there is none).</summary>
internal static class ProcStatus
{
    /// <summary>The value of <paramref name="key"/> in the status file at <paramref name="path"/>, trimmed; null when absent.</summary>
    public static string? Field(string path, string key) =>
        File.Exists(path) && File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal)) is { } line
            ? line[(key.Length + 1)..].Trim()
            : null;

    /// <summary>
    /// A memory line in MB (VmHWM: the peak resident set; VmRSS: the current one, RssAnon plus RssFile, the mapped files:
    /// runtime, assemblies, native libraries, plus RssShmem, shared memory: the runtime maps its JIT-compiled code twice
    /// through it, writable and executable, and SQLite its WAL index); NaN when absent.
    /// </summary>
    public static double Megabytes(string path, string key) => Field(path, key) is { } value
        ? long.Parse(value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture) / 1024.0
        : double.NaN;
}
