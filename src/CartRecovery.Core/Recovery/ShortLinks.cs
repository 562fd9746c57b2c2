using CartRecovery.Core.Restore;

namespace CartRecovery.Core.Recovery;

/// <summary>Builds the short restore link of a text (<c>/s/{code}</c>), which lives as long as an email's restore link.</summary>
public sealed class ShortLinks(ShortLinkSigner signer, RecoveryOptions options)
{
    public string For(long storeId, long messageId, DateTimeOffset now) =>
        new Uri(options.PublicBaseUrl, "s/" + signer.Issue(storeId, messageId, now + options.RestoreLinkLifetime)).AbsoluteUri;

    /// <summary>What a text of <paramref name="messageId"/> carries whatever its expiry: the look-up key of an earlier send.</summary>
    public string Marker(long messageId) => new Uri(options.PublicBaseUrl, "s/" + ShortLinkSigner.IdPrefix(messageId)).AbsoluteUri;
}
