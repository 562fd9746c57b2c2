namespace CartRecovery.Core.Sequences;

/// <summary>Sequences that ship with the product.</summary>
public static class SequencePresets
{
    public const string ReminderTemplate = "reminder";
    public const string OfferTemplate = "offer";
    public const string FollowUpTemplate = "follow-up";
    /// <summary>The built-in SMS template: the shop, a line about the cart, the short link (and the opt-out mention, always added).</summary>
    public const string SmsReminderTemplate = "sms-reminder";

    private static readonly OfferSpec TenPercentForTwoDays = new(OfferKind.Percentage, 10, TimeSpan.FromHours(48));

    /// <summary>The hybrid default ("standard"): remind at 1 h; at 24 h with an offer; at 48 h a task for a person.</summary>
    public static readonly SequenceDefinition Standard = new("standard",
    [
        new(1, TimeSpan.FromHours(1), StepKind.Email, ReminderTemplate),
        new(2, TimeSpan.FromHours(24), StepKind.Email, OfferTemplate, TenPercentForTwoDays),
        new(3, TimeSpan.FromHours(48), StepKind.FollowUpTask, FollowUpTemplate),
    ]);

    /// <summary>Fully automated: remind at 1 h; at 24 h with an offer. No person involved.</summary>
    public static readonly SequenceDefinition Automated = new("automated",
    [
        new(1, TimeSpan.FromHours(1), StepKind.Email, ReminderTemplate),
        new(2, TimeSpan.FromHours(24), StepKind.Email, OfferTemplate, TenPercentForTwoDays),
    ]);

    /// <summary>Gentle: a single reminder a day later, no offer; for shops whose team follows up by hand.</summary>
    public static readonly SequenceDefinition Gentle = new("gentle",
    [
        new(1, TimeSpan.FromHours(24), StepKind.Email, ReminderTemplate),
    ]);

    /// <summary>
    /// The standard sequence in seconds instead of hours, so a demo shows every step in a minute, with a text between the
    /// offer and the follow-up (sent only to customers with a mobile number and SMS consent, in the sending hours).
    /// </summary>
    public static readonly SequenceDefinition Demo = new("demo",
    [
        new(1, TimeSpan.FromSeconds(5), StepKind.Email, ReminderTemplate),
        new(2, TimeSpan.FromSeconds(20), StepKind.Email, OfferTemplate, TenPercentForTwoDays),
        new(3, TimeSpan.FromSeconds(30), StepKind.Sms, SmsReminderTemplate),
        new(4, TimeSpan.FromSeconds(40), StepKind.FollowUpTask, FollowUpTemplate),
    ]);

    public static IReadOnlyList<SequenceDefinition> All { get; } = [Standard, Automated, Gentle, Demo];

    /// <summary>The product brief calls <see cref="Standard"/> "hybrid"; both names are accepted.</summary>
    public const string HybridAlias = "hybrid";

    /// <summary>Every accepted preset name, aliases included.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(s => s.Name), HybridAlias];

    /// <summary>The named preset, or <see cref="Standard"/> when the name is unknown.</summary>
    public static SequenceDefinition Find(string? name) => TryFind(name, out var found) ? found : Standard;

    /// <summary>The preset named <paramref name="name"/> (case-insensitive; "hybrid" is <see cref="Standard"/>).</summary>
    public static bool TryFind(string? name, out SequenceDefinition preset)
    {
        if (string.Equals(name, HybridAlias, StringComparison.OrdinalIgnoreCase))
            name = Standard.Name;
        preset = All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return preset is not null;
    }
}
