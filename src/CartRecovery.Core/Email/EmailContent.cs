using CartRecovery.Core.Carts;
using CartRecovery.Core.CrossSell;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Stores;

namespace CartRecovery.Core.Email;

/// <summary>The rendered parts of an email.</summary>
public sealed record EmailContent(string Subject, string HtmlBody, string TextBody);

/// <summary>An offer code as it appears in an email.</summary>
public sealed record IssuedOffer(string Code, string Description, DateTimeOffset ExpiresAt);

/// <summary>Everything a template may show.</summary>
public sealed record EmailModel(
    Store Store,
    Cart Cart,
    OutboundMessage Message,
    string RestoreUrl,
    string UnsubscribeUrl,
    IssuedOffer? Offer)
{
    /// <summary>Products the shop relates to the cart's, for the templates' "You may also like" (none: no block).</summary>
    public IReadOnlyList<RelatedProduct> RelatedProducts { get; init; } = [];
    /// <summary>
    /// The common part of the "why did you leave?" links (<c>…/why/{token}</c>; each reason adds <c>?r=word</c>), set
    /// for the first email of a sequence only.
    /// </summary>
    public string? ReasonUrl { get; init; }
}

/// <summary>Renders a message's template for a cart.</summary>
public interface IEmailComposer
{
    /// <exception cref="InvalidOperationException">The template is unknown or broken.</exception>
    Task<EmailContent> ComposeAsync(EmailModel model, CancellationToken ct);
}
