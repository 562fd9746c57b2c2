using System.Globalization;

namespace CartRecovery.Bench.Http;

/// <summary>
/// The CPUs this process may run on against the machine's: a run pinned with <c>taskset</c> (the PostgreSQL server
/// given the other CPUs, as if on its own machine) says so in its results file and in its command.
/// </summary>
internal static class Cpus
{
    /// <summary>The machine's online CPUs (<c>/sys/devices/system/cpu/online</c>, e.g. <c>0-1</c>).</summary>
    public static int Machine { get; } = ReadOnline() ?? Environment.ProcessorCount;

    /// <summary>Whether this process was given fewer CPUs than the machine has.</summary>
    public static bool Pinned => Environment.ProcessorCount < Machine;

    /// <summary>The results file's description of the CPUs.</summary>
    public static string Describe() => Pinned
        ? $"{Environment.ProcessorCount} of the machine's {Machine} logical CPUs given to this process (`taskset -c {Affinity()}`)"
        : $"{Environment.ProcessorCount} logical CPUs shared with other builds and test runs";

    /// <summary>The command as typed: <c>taskset</c> first when the process was pinned.</summary>
    public static string Command(string command) => Pinned ? $"taskset -c {Affinity()} {command}" : command;

    /// <summary>
    /// The CPUs the PostgreSQL server's processes on this machine may run on (<c>Cpus_allowed_list</c> of each
    /// <c>postgres</c> process in <c>/proc</c>), or null when none runs here.
    /// </summary>
    public static string? PostgresServer()
    {
        var lists = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var dir in PostgresProcesses())
        {
            try
            {
                if (AllowedList(Path.Combine(dir, "status")) is { } allowed)
                    lists.Add(allowed);
            }
            catch (IOException)
            {
                // A process that ended while being read.
            }
        }
        return lists.Count == 0 ? null : string.Join(" and ", lists);
    }

    /// <summary>The <c>/proc</c> folders of the processes named <c>postgres</c>.</summary>
    private static IEnumerable<string> PostgresProcesses()
    {
        foreach (var dir in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
        {
            string comm;
            try
            {
                comm = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            if (comm == "postgres")
                yield return dir;
        }
    }

    /// <summary>
    /// CPU time the PostgreSQL server's processes on this machine have used so far (<c>utime + stime</c> of each
    /// <c>postgres</c> process in <c>/proc</c>, in the kernel's 100 ticks a second), or null when none runs here. The
    /// difference over a phase is what the server took of the machine during it; its pooled sessions outlive the phase.
    /// </summary>
    public static TimeSpan? PostgresServerTime()
    {
        long ticks = 0;
        var found = false;
        foreach (var dir in PostgresProcesses())
        {
            try
            {
                // The fields after the command's closing parenthesis start at the state (field 3); utime and stime are 14 and 15.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                found = true;
            }
            catch (IOException)
            {
                // A process that ended while being read.
            }
        }
        return found ? TimeSpan.FromMilliseconds(ticks * 10) : null;
    }

    // As /proc gives it (e.g. "0" or "0-1"); taskset takes the same form.
    private static string Affinity() => AllowedList("/proc/self/status") ?? $"0-{Environment.ProcessorCount - 1}";

    private static string? AllowedList(string statusPath) => ProcStatus.Field(statusPath, "Cpus_allowed_list");

    private static int? ReadOnline()
    {
        const string path = "/sys/devices/system/cpu/online";
        if (!File.Exists(path))
            return null;
        var count = 0;
        foreach (var range in File.ReadAllText(path).Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = range.Split('-');
            var first = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            count += bounds.Length == 2 ? int.Parse(bounds[1], CultureInfo.InvariantCulture) - first + 1 : 1;
        }
        return count;
    }
}
