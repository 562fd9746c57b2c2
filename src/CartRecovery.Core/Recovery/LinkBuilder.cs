using CartRecovery.Core.Restore;

namespace CartRecovery.Core.Recovery;

/// <summary>
/// Builds the public restore (<c>/r/{token}</c>), unsubscribe (<c>/u/{token}</c>) and reason (<c>/why/{token}</c>, to which
/// each reason adds <c>?r=word</c>) links of a message.
/// </summary>
public sealed class LinkBuilder(LinkTokenSigner signer, RecoveryOptions options)
{
    public string Restore(long messageId, DateTimeOffset now) =>
        Build("r", signer.Issue(TokenPurpose.Restore, messageId, now + options.RestoreLinkLifetime));

    public string Unsubscribe(long messageId, DateTimeOffset now) =>
        Build("u", signer.Issue(TokenPurpose.Unsubscribe, messageId, now + options.UnsubscribeLinkLifetime));

    /// <summary>The reason links' common part: a reason link lives as long as a restore link.</summary>
    public string Reason(long messageId, DateTimeOffset now) =>
        Build("why", signer.Issue(TokenPurpose.Reason, messageId, now + options.RestoreLinkLifetime));

    private string Build(string prefix, string token) =>
        new Uri(options.PublicBaseUrl, $"{prefix}/{token}").AbsoluteUri;
}
