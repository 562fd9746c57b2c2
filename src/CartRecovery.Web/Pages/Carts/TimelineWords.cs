namespace CartRecovery.Web.Pages.Carts;

/// <summary>
/// The resources of the timeline's words (<c>TimelineWords.fr.resx</c>): each key is the English of a
/// <see cref="Core.Carts.TimelineTexts"/> entry, so the cart page says what happened in French too.
/// </summary>
internal sealed class TimelineWords;
