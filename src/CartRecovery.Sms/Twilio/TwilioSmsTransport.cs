using CartRecovery.Core.Sms;
using global::Twilio.Clients;
using global::Twilio.Exceptions;
using global::Twilio.Http;
using global::Twilio.Rest.Api.V2010.Account;
using global::Twilio.Types;

namespace CartRecovery.Sms.Twilio;

/// <summary>
/// Sends texts through Twilio's Messages API with the Twilio package: the store's Messaging Service, else its number,
/// and a status callback carrying our message id (<c>?m=</c>) so callbacks and retries find our message again.
/// </summary>
public sealed class TwilioSmsTransport : ISmsTransport
{
    private readonly TwilioRestClient _client;
    private readonly TwilioOptions _options;

    public TwilioSmsTransport(System.Net.Http.HttpClient http, TwilioOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _client = new TwilioRestClient(options.AccountSid, options.AuthToken, httpClient: new SystemNetHttpClient(http));
    }

    /// <summary>An HTTP client whose requests go to <see cref="TwilioOptions.BaseUrl"/>.</summary>
    public static System.Net.Http.HttpClient CreateHttpClient(TwilioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new System.Net.Http.HttpClient(new TwilioBaseUrlHandler(options.BaseUrl) { InnerHandler = new SocketsHttpHandler() });
    }

    public async Task<SmsReceipt> SendAsync(SmsMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var create = new CreateMessageOptions(new PhoneNumber(message.To))
        {
            Body = message.Body,
            StatusCallback = StatusCallbackFor(message.MessageId),
        };
        if (message.MessagingServiceSid is not null)
            create.MessagingServiceSid = message.MessagingServiceSid;
        else
            create.From = new PhoneNumber(message.From ?? throw new ArgumentException("A text needs a Messaging Service or a From number.", nameof(message)));

        var sent = await CallAsync(() => MessageResource.CreateAsync(create, _client));
        return Receipt(sent);
    }

    public async Task<SmsReceipt?> FindAsync(string providerMessageId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerMessageId);
        try
        {
            return Receipt(await CallAsync(() => MessageResource.FetchAsync(providerMessageId, client: _client)));
        }
        catch (SmsSendException error) when (error.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Lists the texts Twilio holds for the recipient, newest first (<c>GET …/Messages.json?To=</c>), and returns the one
    /// our dispatcher sent for this message: its body carries the message's short link (<paramref name="marker"/>).
    /// Twilio keeps no id of ours on the Message resource, and the status-callback URL that carries it is not listed.
    /// </summary>
    public async Task<SmsReceipt?> FindSentAsync(SmsMessage message, string marker, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrEmpty(marker);
        var read = new ReadMessageOptions { To = new PhoneNumber(message.To), PageSize = LookupPageSize, Limit = LookupLimit };
        var texts = await CallAsync(() => MessageResource.ReadAsync(read, _client));
        var earlier = texts.FirstOrDefault(m => m.Direction?.ToString() == "outbound-api"
            && m.Body?.Contains(marker, StringComparison.Ordinal) == true);
        return earlier is null ? null : Receipt(earlier);
    }

    // A retry follows its failed attempt within hours; the recipient's latest texts from this account are enough.
    private const int LookupPageSize = 50, LookupLimit = 200;

    /// <summary>Our status-callback URL for one message: the configured URL with <c>m={messageId}</c> in its query.</summary>
    public Uri StatusCallbackFor(long messageId)
    {
        var builder = new UriBuilder(_options.StatusCallbackUrl ?? throw new InvalidOperationException("Twilio:StatusCallbackUrl is not set."));
        var query = builder.Query.TrimStart('?');
        builder.Query = (query.Length > 0 ? query + "&" : "") + "m=" + messageId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return builder.Uri;
    }

    private static SmsReceipt Receipt(MessageResource message) =>
        new(message.Sid, message.Status?.ToString() ?? "unknown", int.TryParse(message.NumSegments, out var parts) ? parts : null);

    // One typed exception for callers: ApiException carries Twilio's code and HTTP status; a connection failure has neither.
    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiException error)
        {
            var transient = error.Status is 429 or >= 500 || error.Code == 20429;
            throw new SmsSendException($"Twilio refused the request ({error.Status}, code {error.Code}): {error.Message}", error.Status, error.Code, transient, error);
        }
        catch (ApiConnectionException error)
        {
            throw new SmsSendException($"Twilio could not be reached: {error.Message}", null, null, isTransient: true, error);
        }
    }
}
