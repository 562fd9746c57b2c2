using System.Globalization;
using CartRecovery.Core.Accounts;
using CartRecovery.Web.Features.Auth;
using CartRecovery.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CartRecovery.Web.Pages.AppShell;

/// <summary>
/// The base of every page of the signed-in app. Before any handler runs it loads the <see cref="Workspace"/> (a
/// person signed in to an account; anyone else goes to the sign-in page) and refuses a change (any POST) to a role
/// below <see cref="RoleToChange"/> with the friendly 403 page, before the form is read. Forms carry antiforgery
/// tokens (Razor Pages validates them on every POST).
/// </summary>
[Authorize(Policy = CallerPolicies.Viewer)]
[OwnScripts]
internal abstract class AppPageModel(WorkspaceLoader loader) : PageModel
{
    /// <summary>
    /// The shop chosen in the store switcher (<c>?store=</c>); none = the whole account. A shop the person may not see
    /// answers the 404 page before any handler runs, so <see cref="Workspace.Store"/> is set whenever this is.
    /// </summary>
    [BindProperty(SupportsGet = true, Name = "store")]
    public long? StoreId { get; set; }

    public Workspace Workspace { get; private set; } = null!;

    /// <summary>The least role that may see the page.</summary>
    protected virtual AccountRole RoleToView => AccountRole.Viewer;

    /// <summary>The least role that may post the page's forms.</summary>
    protected virtual AccountRole RoleToChange => AccountRole.Member;

    /// <summary>The page's heading and title (already in the page's language).</summary>
    public abstract string Title { get; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var workspace = await loader.LoadAsync(HttpContext, StoreId, HttpContext.RequestAborted);
        if (workspace is null)
        {
            context.Result = await loader.MoveToAnotherAccountAsync(HttpContext, HttpContext.RequestAborted)
                ? Redirect(Request.Path + Request.QueryString)
                : Challenge();
            return;
        }
        Workspace = workspace;
        if (StoreId is not null && workspace.Store is null)
        {
            // A shop the person may not see (another account's) reads exactly like a missing one.
            context.Result = new NotFoundPageResult();
            return;
        }
        var needed = HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method) ? RoleToView : RoleToChange;
        if (!workspace.Scope.Allows(needed))
        {
            context.Result = Forbid();
            return;
        }
        await next();
    }

    /// <summary>Set when the page runs inside a platform's admin (Shopify's) (verified by its session token), else null.</summary>
    public EmbeddedRequest? Embedded => EmbeddedRequest.Of(HttpContext);

    /// <summary>A link to a page of the app that keeps the chosen shop (and, embedded, the admin's parameters).</summary>
    public string Link(string path, long? storeId = null)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if ((storeId ?? Workspace.Store?.Id) is { } id)
            query.Add(new("store", id.ToString(CultureInfo.InvariantCulture)));
        if (Embedded is { } embedded)
            query.AddRange(embedded.LinkParameters());
        return QueryHelpers.AddQueryString(path, query);
    }
}
