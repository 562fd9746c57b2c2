using Microsoft.Extensions.Options;

namespace CartRecovery.Email.Postmark;

/// <summary>
/// Checks what every deployment must get right, naming the key in each failure. The server token is left out: a
/// deployment sending through the pickup folder or SMTP has none, so <see cref="Sending.PostmarkClient"/> checks it when
/// the host actually chooses Postmark.
/// </summary>
internal sealed class PostmarkOptionsValidator : IValidateOptions<PostmarkOptions>
{
    /// <summary>The <c>TrackLinks</c> values the API accepts (LinkTrackingOptions in Postmark's API reference).</summary>
    public static readonly IReadOnlyList<string> TrackLinksValues = ["None", "HtmlAndText", "HtmlOnly", "TextOnly"];

    public ValidateOptionsResult Validate(string? name, PostmarkOptions options)
    {
        var failures = new List<string>();
        var prefix = PostmarkOptions.Section + ":";
        if (options.BaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            failures.Add($"{prefix}{nameof(PostmarkOptions.BaseUrl)} must be an absolute http(s) URL.");
        if (string.IsNullOrWhiteSpace(options.MessageStream))
            failures.Add($"{prefix}{nameof(PostmarkOptions.MessageStream)} must name the stream recovery emails are sent on (e.g. 'broadcast').");
        if (!TrackLinksValues.Contains(options.TrackLinks, StringComparer.Ordinal))
            failures.Add($"{prefix}{nameof(PostmarkOptions.TrackLinks)} is '{options.TrackLinks}'; supported values: {string.Join(", ", TrackLinksValues)}.");
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
            failures.Add($"{prefix}{nameof(PostmarkOptions.Timeout)} must be between 0 and 5 minutes.");
        if (options.MaxRetries is < 0 or > 10)
            failures.Add($"{prefix}{nameof(PostmarkOptions.MaxRetries)} must be between 0 and 10.");
        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromMinutes(1))
            failures.Add($"{prefix}{nameof(PostmarkOptions.RetryBaseDelay)} must be between 0 and 1 minute.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
