namespace CartRecovery.Sms.Twilio;

/// <summary>
/// The Twilio package always addresses <c>https://api.twilio.com</c>; this sends its requests to
/// <see cref="TwilioOptions.BaseUrl"/> instead (an emulator, a proxy), keeping path and query.
/// </summary>
internal sealed class TwilioBaseUrlHandler(Uri baseUrl) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri)
            request.RequestUri = new Uri(baseUrl, uri.PathAndQuery.TrimStart('/'));
        return base.SendAsync(request, cancellationToken);
    }
}
