using CartRecovery.Core.Sequences;

namespace CartRecovery.Web.Pages.Sequences;

/// <summary>
/// The English words the sequence and template pages show for the API's names (presets, templates, offer kinds,
/// conditions, parts, languages); the pages translate them like any other text.
/// </summary>
internal static class SequenceWords
{
    public static string Preset(string name) => name switch
    {
        "standard" => "Hybrid: emails, then your team",
        "automated" => "Fully automated",
        "gentle" => "Gentle",
        "demo" => "Demo",
        _ => name,
    };

    public static string PresetAbout(string name) => name switch
    {
        "standard" => "A reminder after 1 hour, an offer after a day, then a follow-up task for your team.",
        "automated" => "A reminder after 1 hour and an offer after a day; no one needs to step in.",
        "gentle" => "One reminder a day later, no discount; your team recovers the rest by hand.",
        _ => "",
    };

    public static string Template(string name) => name switch
    {
        SequencePresets.ReminderTemplate => "Reminder",
        SequencePresets.OfferTemplate => "Reminder with an offer",
        SequencePresets.SmsReminderTemplate => "Text reminder",
        _ => name,
    };

    /// <summary>A step's channel in words: every page that names a step's kind says it the same way.</summary>
    public static string Channel(StepKind kind) => kind switch
    {
        StepKind.Sms => "Text message (SMS)",
        StepKind.FollowUpTask => "Follow-up task for your team",
        _ => "Email",
    };

    /// <summary>What a step sends, for step summaries: its template (email or text), or the team's task.</summary>
    public static string Sends(SequenceStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Kind == StepKind.FollowUpTask ? Channel(step.Kind) : Template(step.Template);
    }

    /// <summary>The offer kinds a form offers, as the API names them.</summary>
    public static readonly string[] OfferKinds = ["percentage", "fixed-amount", "free-shipping"];

    public static string OfferKind(string? kind) => kind switch
    {
        "percentage" => "Percentage off",
        "fixed-amount" => "Amount off",
        "free-shipping" => "Free shipping",
        _ => "No offer",
    };

    public static string Customer(string name) => name switch
    {
        "new" => "New customers only",
        "returning" => "Returning customers only",
        _ => "All customers",
    };

    public static string Consent(string name) => name switch
    {
        "subscribed" => "Subscribed to marketing only",
        "not-declined" => "Everyone who has not declined",
        _ => "Everyone",
    };

    public static string Why(AutomationLevel level) => level switch
    {
        AutomationLevel.MostlyManual =>
            "A small, personal shop recovers most carts best by hand: one gentle reminder, then your team picks up the phone.",
        AutomationLevel.Hybrid =>
            "Your shop is in between: automatic reminders with an offer do most of the work, and your team follows up on the carts that are left.",
        _ => "At your size and with your customers, a fully automated sequence recovers the most carts for the least effort.",
    };

    public static string Part(string part) => part switch
    {
        "subject" => "Subject",
        "html" => "HTML body",
        "text" => "Plain-text body",
        _ => part,
    };

    public static string Language(string locale) => locale switch
    {
        "en" => "English",
        "fr" => "French",
        _ => locale,
    };
}
