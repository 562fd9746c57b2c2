using CartRecovery.Connectors.Demo;

namespace CartRecovery.Web.Hosting;

/// <summary>
/// In demo mode the jobs run every few seconds (the demo's delays are seconds, not hours), and the demo shop lives on
/// this app's own plain-http loopback address, so restore links may lead there (<c>Outbound:AllowHttp</c>). Settings
/// given explicitly still win: only keys nobody set are filled in.
/// </summary>
internal static class DemoMode
{
    private static readonly Dictionary<string, string> DemoDefaults = new()
    {
        ["Jobs:PollStoresEvery"] = "00:00:05",
        ["Jobs:DetectAbandonedEvery"] = "00:00:05",
        ["Jobs:SendDueMessagesEvery"] = "00:00:02",
        ["Outbound:AllowHttp"] = "true",
    };

    public static void Apply(IConfigurationManager configuration)
    {
        if (!configuration.GetValue<bool>($"{DemoOptions.Section}:{nameof(DemoOptions.Enabled)}"))
            return;
        var missing = DemoDefaults.Where(kv => configuration[kv.Key] is null).ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        configuration.AddInMemoryCollection(missing);
    }
}
