namespace CartRecovery.Core.Email;

/// <summary>
/// A store's own Liquid source for one part of one template in one language, used instead of the built-in part.
/// </summary>
/// <param name="Name">A template the sequences send: <c>reminder</c> or <c>offer</c>.</param>
/// <param name="Locale">The email language it replaces: <c>en</c> or <c>fr</c>.</param>
/// <param name="Part"><c>subject</c>, <c>html</c> or <c>text</c>.</param>
public sealed record StoreTemplate(long StoreId, string Name, string Locale, string Part, string Source, DateTimeOffset UpdatedAt)
{
    public const string SubjectPart = "subject";
    public const string HtmlPart = "html";
    public const string TextPart = "text";

    /// <summary>The parts an override may replace.</summary>
    public static IReadOnlyList<string> Parts { get; } = [SubjectPart, HtmlPart, TextPart];

    /// <summary>The languages the built-in templates are written in, so the only ones an override can replace.</summary>
    public static IReadOnlyList<string> Locales { get; } = ["en", "fr"];
}
