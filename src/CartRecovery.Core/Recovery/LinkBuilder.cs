using CartRecovery.Core.Restore;

namespace CartRecovery.Core.Recovery;

/// <summary>Builds the public restore (<c>/r/{token}</c>) and unsubscribe (<c>/u/{token}</c>) links of a message.</summary>
public sealed class LinkBuilder(LinkTokenSigner signer, RecoveryOptions options)
{
    public string Restore(long messageId, DateTimeOffset now) =>
        Build("r", signer.Issue(TokenPurpose.Restore, messageId, now + options.RestoreLinkLifetime));

    public string Unsubscribe(long messageId, DateTimeOffset now) =>
        Build("u", signer.Issue(TokenPurpose.Unsubscribe, messageId, now + options.UnsubscribeLinkLifetime));

    private string Build(string prefix, string token) =>
        new Uri(options.PublicBaseUrl, $"{prefix}/{token}").AbsoluteUri;
}
