namespace CartRecovery.Core.Sequences;

/// <summary>Sequences that ship with the product.</summary>
public static class SequencePresets
{
    public const string ReminderTemplate = "reminder";
    public const string OfferTemplate = "offer";
    public const string FollowUpTemplate = "follow-up";

    private static readonly OfferSpec TenPercentForTwoDays = new(OfferKind.Percentage, 10, TimeSpan.FromHours(48));

    /// <summary>The field's hybrid default: remind at 1 h; at 24 h with an offer; at 48 h a task for a person.</summary>
    public static readonly SequenceDefinition Standard = new("standard",
    [
        new(1, TimeSpan.FromHours(1), StepKind.Email, ReminderTemplate),
        new(2, TimeSpan.FromHours(24), StepKind.Email, OfferTemplate, TenPercentForTwoDays),
        new(3, TimeSpan.FromHours(48), StepKind.FollowUpTask, FollowUpTemplate),
    ]);

    /// <summary>The standard sequence in seconds instead of hours, so a demo shows every step in a minute.</summary>
    public static readonly SequenceDefinition Demo = new("demo",
    [
        new(1, TimeSpan.FromSeconds(5), StepKind.Email, ReminderTemplate),
        new(2, TimeSpan.FromSeconds(20), StepKind.Email, OfferTemplate, TenPercentForTwoDays),
        new(3, TimeSpan.FromSeconds(40), StepKind.FollowUpTask, FollowUpTemplate),
    ]);

    public static IReadOnlyList<SequenceDefinition> All { get; } = [Standard, Demo];

    /// <summary>The named preset, or <see cref="Standard"/> when the name is unknown.</summary>
    public static SequenceDefinition Find(string? name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)) ?? Standard;
}
