using CartRecovery.Web.Pages;
using Microsoft.AspNetCore.Mvc;

namespace CartRecovery.Web.Pages.AppShell;

/// <summary>A friendly 404 page: what another account's id (or a missing one) gets, exactly like an unknown one.</summary>
internal sealed class NotFoundPageResult(string title, string message) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lang = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return HtmlPage.Render(title, $"<h1>{HtmlPage.Encode(title)}</h1><p>{HtmlPage.Encode(message)}</p><p><a href=\"/app\">CartRecovery</a></p>",
            StatusCodes.Status404NotFound, lang).ExecuteAsync(context.HttpContext);
    }
}
