namespace CartRecovery.Web.Hosting;

/// <summary>
/// Endpoint metadata: the response is a rendered email shown in an editor's preview frame. Emails are made of inline
/// styles, so this document gets a policy of its own: its styles and https images, no script at all (sandboxed), no
/// forms, framed by our own pages only.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class EmailPreviewDocumentAttribute : Attribute
{
    public const string Policy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; base-uri 'none'; form-action 'none'; sandbox; frame-ancestors 'self'";
}

/// <summary>
/// Endpoint metadata: the page frames email previews of ours (<see cref="EmailPreviewDocumentAttribute"/>) and its
/// script asks us for fresh ones as the merchant types.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
internal sealed class FramesEmailPreviewsAttribute : Attribute
{
    public const string Directives = "; frame-src 'self'; connect-src 'self'";
}
