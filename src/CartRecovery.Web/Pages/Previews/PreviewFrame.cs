namespace CartRecovery.Web.Pages.Previews;

/// <summary>One email shown in the editors' preview: its subject and the key of its framed HTML, or why it could not render.</summary>
/// <param name="Label">What it is (a variant's key), or null for the only email.</param>
public sealed record PreviewFrame(string? Label, string? Subject, string? Key, string? Error);
