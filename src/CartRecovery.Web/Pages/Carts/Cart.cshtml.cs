using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Tasks;
using CartRecovery.Web.Features.Audit;
using CartRecovery.Web.Features.Auth;
using CartRecovery.Web.Pages.AppShell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CartRecovery.Web.Pages.Carts;

/// <summary>
/// <c>/app/carts/{id}</c>: one cart with its lines, customer, consent, restore link, messages and timeline; a member
/// may stop its sequence (<see cref="SequenceStop"/>, as the rest of the app does) or erase the customer (a separate
/// confirmation page). Nothing is ever re-sent from here. Another account's cart reads as missing (404).
/// </summary>
internal sealed class CartModel(WorkspaceLoader loader, StoreAccess access, ICartRepository carts, IMessageRepository messages,
    IFollowUpTaskRepository tasks, SequenceStop stop, AuditTrail audit, RecoveryOptions options, TimeProvider time, IStringLocalizer<CartModel> text, IStringLocalizer<TimelineWords> words,
    OptOutReasonWords reasons)
    : AppPageModel(loader)
{
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public override string Title => Cart is { } cart ? text["Cart {0}", cart.ExternalId] : text["Cart not found"];

    public Cart? Cart { get; private set; }
    public Store Store { get; private set; } = null!;
    public IReadOnlyList<OutboundMessage> Messages { get; private set; } = [];
    public IReadOnlyList<TimelineLine> Timeline { get; private set; } = [];
    public IReadOnlyList<FollowUpTask> Tasks { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public TimeSpan RestoreLinkLifetime => options.RestoreLinkLifetime;

    /// <summary>One line of the timeline: an English <paramref name="Label"/> the view translates, and its detail in the page's language.</summary>
    public sealed record TimelineLine(DateTimeOffset At, string Label, string? Detail);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : Missing();

    public async Task<IActionResult> OnPostStopAsync(long id, CancellationToken ct)
    {
        if (await access.GetCartAsync(id, ct) is not { } cart || await access.GetAsync(cart.StoreId, ct) is not { } store)
            return Missing();
        if (await stop.StopAsync(id, ct))
            await audit.RecordAsync(store, "cart.stop-sequence", new { status = cart.Status }, new { status = CartStatus.Expired }, ct, $"cart:{id}");
        return Redirect(Link($"/app/carts/{id}") + (Workspace.Store is null ? "?" : "&") + "done=stopped");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await access.GetCartAsync(id, ct) is not { } cart || Workspace.Find(cart.StoreId) is not { } store)
            return false;
        Cart = cart;
        Store = store;
        Now = time.GetUtcNow();
        Messages = await messages.ListForCartAsync(id, ct);
        Tasks = (await tasks.ListAsync(store.Id, null, [store.Id], ct)).Where(t => t.CartId == id).ToList();
        Timeline = BuildTimeline(await carts.GetTimelineAsync(id, ct));
        return true;
    }

    /// <summary>The cart's own events, with the opens and the follow-up outcomes that are kept on messages and tasks, newest first.</summary>
    private List<TimelineLine> BuildTimeline(IReadOnlyList<CartEvent> events)
    {
        var entries = events.Select(e => new TimelineLine(e.At, CartDisplay.EventLabel(e.Kind), CartDisplay.Describe(e, words, reasons, Store))).ToList();
        entries.AddRange(Messages.Where(m => m.OpenedAt is not null)
            .Select(m => new TimelineLine(m.OpenedAt!.Value, "Email opened", text["Step {0}", m.Step])));
        entries.AddRange(Tasks.Where(t => t.CompletedAt is not null)
            .Select(t => new TimelineLine(t.CompletedAt!.Value, "Follow-up done", t.Outcome)));
        // Newest first; events of one instant too (they are stored in the order they happened).
        return Enumerable.Reverse(entries).OrderByDescending(e => e.At).ToList();
    }

    /// <summary>The friendly not-found page inside the app (a missing cart and another account's cart look the same).</summary>
    private PageResult Missing()
    {
        Cart = null;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    /// <summary>An image the page's policy lets the browser load (https, or this site's own), else null for a placeholder.</summary>
    public string? Thumb(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || string.Equals(uri.Authority, Request.Host.Value, StringComparison.OrdinalIgnoreCase))
            ? uri.AbsoluteUri
            : null;

    /// <summary>The newest email that went out, whose restore link the customer holds.</summary>
    public OutboundMessage? LatestEmail =>
        Messages.Where(m => m.Kind == Core.Sequences.StepKind.Email && m.SentAt is not null).MaxBy(m => m.SentAt);
}
