using CartRecovery.Core.Carts;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Audit;
using CartRecovery.Web.Features.Auth;
using CartRecovery.Web.Pages.AppShell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CartRecovery.Web.Pages.Carts;

/// <summary>
/// <c>/app/carts/{id}/erase</c>: a customer's privacy request, asked for again before it runs. Erasing goes through
/// <see cref="DataErasure"/> as a platform's redact request does: every cart, message, timeline, task and suppression
/// of the address in the cart's shop, and the copies of the emails sent. The audit names the address by fingerprint only.
/// </summary>
internal sealed class EraseModel(WorkspaceLoader loader, StoreAccess access, DataErasure erasure, AuditTrail audit, IStringLocalizer<EraseModel> text)
    : AppPageModel(loader)
{
    [BindProperty] public bool Confirm { get; set; }

    public override string Title => text["Erase customer data"];

    public Cart? Cart { get; private set; }
    public Store Store { get; private set; } = null!;
    public string? ConfirmError { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : Missing();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return Missing();
        if (!Confirm)
        {
            ConfirmError = text["Tick the box to confirm: erasing cannot be undone."];
            return Page();
        }
        var email = Cart!.Contact.Email!;
        var erased = await erasure.EraseCustomerAsync(Store.Id, email, ct);
        await audit.RecordAsync(Store, "customer.erase", null, new { email = AuditTrail.Fingerprint(email), carts = erased }, ct,
            $"customer:{AuditTrail.Fingerprint(email)}");
        return Redirect(Link("/app/carts") + (Workspace.Store is null ? "?" : "&") + $"erased={erased}");
    }

    /// <summary>The cart, when the caller may see it and it still has an address to erase by.</summary>
    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await access.GetCartAsync(id, ct) is not { Contact.Email: not null } cart || Workspace.Find(cart.StoreId) is not { } store)
            return false;
        Cart = cart;
        Store = store;
        return true;
    }

    private PageResult Missing()
    {
        Cart = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
