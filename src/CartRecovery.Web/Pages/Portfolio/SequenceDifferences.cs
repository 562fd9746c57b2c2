using System.Text.Json;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Web.Pages.Portfolio;

/// <summary>What a new version of a sequence changes, in the words the portfolio's summary shows (translated by the page).</summary>
internal static class SequenceDifferences
{
    public const string Steps = "steps";
    public const string Delays = "delays";
    public const string Offers = "offers";
    public const string Templates = "templates";
    public const string Variants = "A/B variants";
    public const string Conditions = "conditions";
    public const string Priority = "priority";

    public static IReadOnlyList<string> Between(SequenceDefinition before, SequenceDefinition after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changed = new List<string>();
        void Check(string what, Func<SequenceDefinition, object> part)
        {
            // Records hold lists, which compare by reference: compare their JSON instead.
            if (JsonSerializer.Serialize(part(before)) != JsonSerializer.Serialize(part(after)))
                changed.Add(what);
        }
        Check(Steps, d => d.Steps.Select(s => s.Kind).ToList());
        Check(Delays, d => d.Steps.Select(s => s.Delay).ToList());
        Check(Offers, d => d.Steps.Select(s => s.Offer).ToList());
        Check(Templates, d => d.Steps.Select(s => s.Template).ToList());
        Check(Variants, d => d.Steps.Select(s => s.Variants).ToList());
        Check(Conditions, d => d.Conditions);
        Check(Priority, d => d.Priority);
        return changed;
    }
}
