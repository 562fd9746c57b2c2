using CartRecovery.Connectors.Demo;

namespace CartRecovery.Web.Hosting;

/// <summary>
/// In demo mode the jobs run every few seconds (the demo's delays are seconds, not hours). Settings given
/// explicitly still win: only keys nobody set are filled in.
/// </summary>
internal static class DemoMode
{
    private static readonly Dictionary<string, string> FastJobs = new()
    {
        ["Jobs:PollStoresEvery"] = "00:00:05",
        ["Jobs:DetectAbandonedEvery"] = "00:00:05",
        ["Jobs:SendDueMessagesEvery"] = "00:00:02",
    };

    public static void Apply(IConfigurationManager configuration)
    {
        if (!configuration.GetValue<bool>($"{DemoOptions.Section}:{nameof(DemoOptions.Enabled)}"))
            return;
        var missing = FastJobs.Where(kv => configuration[kv.Key] is null).ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        configuration.AddInMemoryCollection(missing);
    }
}
