using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CartRecovery.Web.Pages.AppShell;

/// <summary>
/// The friendly 404 page for a shop that does not exist or that the person may not see: another account's id reads
/// exactly like an unknown one. In the page's language.
/// </summary>
internal sealed class NotFoundPageResult : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<NotFoundPageResult>>();
        var title = text["Not found"];
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return HtmlPage.Render(title, $"<h1>{HtmlPage.Encode(title)}</h1><p>{HtmlPage.Encode(text["This shop does not exist, or you may not see it."])}</p>"
            + $"<p><a href=\"/app\">{HtmlPage.Encode(text["Back to the app"])}</a></p>",
            StatusCodes.Status404NotFound, lang).ExecuteAsync(context.HttpContext);
    }
}
