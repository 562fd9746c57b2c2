namespace CartRecovery.Web.Hosting;

/// <summary>Signing of restore and unsubscribe links (section <c>Links</c>).</summary>
public sealed class LinkOptions
{
    public const string Section = "Links";

    /// <summary>
    /// Base64 HMAC key, at least 32 bytes. Empty: a key is generated into the data folder. Changing it invalidates
    /// every link already sent, so set it once per deployment and share it between nodes.
    /// </summary>
    public string SigningKey { get; set; } = "";
}
