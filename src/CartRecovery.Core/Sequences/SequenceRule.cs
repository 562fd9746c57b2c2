namespace CartRecovery.Core.Sequences;

/// <summary>
/// One broken rule of a sequence: a stable <see cref="Code"/> (one of <see cref="SequenceRuleTexts.Words"/>) with its
/// arguments, and the API's text, which names the field by its JSON path
/// (<c>steps[0].delaySeconds must be between 0 and 2592000 (30 days)</c>). The editor shows each error under its own
/// field, so it words the rule only: <see cref="SequenceRuleTexts.Words"/> in English, their translation in French.
/// </summary>
public sealed record SequenceRule(string Code, string Api, IReadOnlyList<object> Args)
{
    /// <summary>A text that is not one of the validator's rules (a request that does not parse): shown as written.</summary>
    public static SequenceRule Text(string text) => new(SequenceRuleTexts.Text, text, [text]);

    public override string ToString() => Api;
}
