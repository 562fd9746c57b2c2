using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CartRecovery.Core.Sms;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Testing.Emulators.Twilio;

/// <summary>
/// Twilio's Messages API on loopback (127.0.0.1, random port), as documented: HTTP Basic with the account SID and auth
/// token, form-encoded bodies, <c>POST /2010-04-01/Accounts/{Sid}/Messages.json</c> (201 with the Message resource) and
/// <c>GET …/Messages/{Sid}.json</c>, <c>GET …/Messages.json</c> (newest first, filtered by <c>To</c>/<c>From</c>, paged with
/// <c>PageSize</c> and <c>Page</c> and the list envelope's <c>next_page_uri</c>), errors as <c>{code, message, more_info, status}</c> (20003 authenticate, 21211
/// invalid To, 21604/21602/21603 missing fields, 21610 unsubscribed recipient, 20404 not found), and status callbacks
/// posted back form-encoded with a valid <c>X-Twilio-Signature</c>.
/// </summary>
public sealed partial class TwilioEmulator : LoopbackServer
{
    public const string AccountSid = "AC00000000000000000000000000000001";
    public const string AuthToken = "emulator-auth-token";

    private readonly Lock _gate = new();
    private readonly List<TwilioEmulatorMessage> _messages = [];
    private readonly HttpClient _outbound = new() { Timeout = TimeSpan.FromSeconds(30) };
    private int _next;

    private TwilioEmulator()
    {
        App.MapPost("/2010-04-01/Accounts/{account}/Messages.json", CreateAsync);
        App.MapGet("/2010-04-01/Accounts/{account}/Messages/{sid}.json", Fetch);
        App.MapGet("/2010-04-01/Accounts/{account}/Messages.json", List);
    }

    /// <summary>Numbers that replied STOP to our sender: sends to them are refused with 21610.</summary>
    public ISet<string> Unsubscribed { get; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// How many of the next accepted texts get a 500 instead of their 201, as when Twilio took the text but its answer
    /// was lost (a timeout, a dropped connection, our process dying): the text is kept and goes out all the same.
    /// </summary>
    public int LoseAnswers { get; set; }

    public IReadOnlyList<TwilioEmulatorMessage> Messages
    {
        get { lock (_gate) return [.. _messages]; }
    }

    public static async Task<TwilioEmulator> StartAsync(CancellationToken ct = default)
    {
        var emulator = new TwilioEmulator();
        await emulator.ListenAsync(ct);
        return emulator;
    }

    /// <summary>
    /// Posts a status callback for an accepted message, the way Twilio does: form fields MessageSid, MessageStatus,
    /// AccountSid, From, To (and ErrorCode when given), signed with the auth token over the callback URL. Returns the answer's status.
    /// </summary>
    public async Task<int> DeliverStatusAsync(string sid, string status, int? errorCode = null, string? forgedSignature = null)
    {
        var message = Messages.Single(m => m.Sid == sid);
        var url = message.StatusCallback ?? throw new InvalidOperationException("The message has no StatusCallback.");
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MessageSid"] = sid, ["SmsSid"] = sid, ["MessageStatus"] = status, ["SmsStatus"] = status,
            ["AccountSid"] = AccountSid, ["To"] = message.To, ["From"] = message.From ?? "+15005550006", ["ApiVersion"] = "2010-04-01",
        };
        if (errorCode is { } code)
            form["ErrorCode"] = code.ToString(CultureInfo.InvariantCulture);
        lock (_gate)
            _messages[_messages.FindIndex(m => m.Sid == sid)] = message with { Status = status };
        return await PostSignedAsync(url, form, forgedSignature);
    }

    /// <summary>Posts an inbound text to <paramref name="webhook"/> as Twilio's incoming-message webhook does.</summary>
    public Task<int> DeliverInboundAsync(Uri webhook, string from, string to, string body, string? forgedSignature = null) =>
        PostSignedAsync(webhook, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["MessageSid"] = NewSid(), ["AccountSid"] = AccountSid, ["From"] = from, ["To"] = to, ["Body"] = body,
            ["NumMedia"] = "0", ["ApiVersion"] = "2010-04-01",
        }, forgedSignature);

    private async Task<int> PostSignedAsync(Uri url, Dictionary<string, string> form, string? forgedSignature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", forgedSignature ?? TwilioRequestSigner.Sign(AuthToken, url.AbsoluteUri, form));
        using var response = await _outbound.SendAsync(request);
        return (int)response.StatusCode;
    }

    private async Task<IResult> CreateAsync(HttpContext context, string account)
    {
        if (!Authenticated(context, account))
            return Error(401, 20003, "Authenticate");
        if (!context.Request.HasFormContentType)
            return Error(400, 21609, "The request body must be application/x-www-form-urlencoded");
        var form = await context.Request.ReadFormAsync();
        string? Field(string name) => form.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;

        var to = Field("To");
        var body = Field("Body");
        var from = Field("From");
        var service = Field("MessagingServiceSid");
        if (to is null)
            return Error(400, 21604, "A 'To' phone number is required.");
        if (body is null)
            return Error(400, 21602, "Message body is required.");
        if (from is null && service is null)
            return Error(400, 21603, "A 'From' phone number is required.");
        if (!E164().IsMatch(to))
            return Error(400, 21211, $"Invalid 'To' Phone Number: {to}");
        if (Unsubscribed.Contains(to))
            return Error(400, 21610, "Attempt to send to unsubscribed recipient");

        var callback = Field("StatusCallback") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var parsed) ? parsed : null;
        // With a Messaging Service Twilio answers "accepted" and picks the sender later; with a number, "queued".
        var message = new TwilioEmulatorMessage(NewSid(), to, from, service, body, service is null ? "queued" : "accepted",
            SmsBudget.Measure(body).Parts, callback);
        bool lose;
        lock (_gate)
        {
            _messages.Add(message);
            lose = LoseAnswers > 0;
            if (lose)
                LoseAnswers--;
        }
        return lose ? Error(500, 20500, "Internal Server Error") : Results.Json(Resource(message), statusCode: 201);
    }

    private IResult Fetch(HttpContext context, string account, string sid)
    {
        if (!Authenticated(context, account))
            return Error(401, 20003, "Authenticate");
        var message = Messages.FirstOrDefault(m => m.Sid == sid);
        return message is null ? Error(404, 20404, $"The requested resource /2010-04-01/Accounts/{account}/Messages/{sid}.json was not found") : Results.Json(Resource(message));
    }

    private IResult List(HttpContext context, string account)
    {
        if (!Authenticated(context, account))
            return Error(401, 20003, "Authenticate");
        var query = context.Request.Query;
        var to = query["To"].ToString();
        var from = query["From"].ToString();
        var size = int.TryParse(query["PageSize"], CultureInfo.InvariantCulture, out var s) ? Math.Clamp(s, 1, 1000) : 50;
        var page = int.TryParse(query["Page"], CultureInfo.InvariantCulture, out var p) ? Math.Max(0, p) : 0;
        var matching = Messages.AsEnumerable().Reverse()
            .Where(m => (to.Length == 0 || m.To == to) && (from.Length == 0 || m.From == from))
            .ToList();
        var items = matching.Skip(page * size).Take(size).ToList();
        var path = $"/2010-04-01/Accounts/{account}/Messages.json";
        string PageUri(int n) => $"{path}?{(to.Length > 0 ? "To=" + Uri.EscapeDataString(to) + "&" : "")}{(from.Length > 0 ? "From=" + Uri.EscapeDataString(from) + "&" : "")}PageSize={size}&Page={n}";
        var messages = new JsonArray();
        foreach (var item in items)
            messages.Add(Resource(item));
        return Results.Json(new JsonObject
        {
            ["messages"] = messages,
            ["page"] = page,
            ["page_size"] = size,
            ["start"] = page * size,
            ["end"] = page * size + Math.Max(0, items.Count - 1),
            ["uri"] = PageUri(page),
            ["first_page_uri"] = PageUri(0),
            ["previous_page_uri"] = page > 0 ? PageUri(page - 1) : null,
            ["next_page_uri"] = (page + 1) * size < matching.Count ? PageUri(page + 1) : null,
        });
    }

    private static bool Authenticated(HttpContext context, string account)
    {
        if (!AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var header) || header.Scheme != "Basic" || header.Parameter is null)
            return false;
        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return false;
        }
        return account == AccountSid && credentials == $"{AccountSid}:{AuthToken}";
    }

    private static JsonObject Resource(TwilioEmulatorMessage m) => new()
    {
        ["sid"] = m.Sid,
        ["account_sid"] = AccountSid,
        ["messaging_service_sid"] = m.MessagingServiceSid,
        ["to"] = m.To,
        ["from"] = m.From,
        ["body"] = m.Body,
        ["status"] = m.Status,
        ["num_segments"] = m.Segments.ToString(CultureInfo.InvariantCulture),
        ["direction"] = "outbound-api",
        ["api_version"] = "2010-04-01",
        ["price"] = null,
        ["error_code"] = null,
        ["error_message"] = null,
        ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{m.Sid}.json",
    };

    private static IResult Error(int status, int code, string message) => Results.Json(new JsonObject
    {
        ["code"] = code,
        ["message"] = message,
        ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
        ["status"] = status,
    }, statusCode: status);

    private string NewSid() => "SM" + Interlocked.Increment(ref _next).ToString("x32", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    protected override ValueTask DisposeOwnedAsync()
    {
        _outbound.Dispose();
        return ValueTask.CompletedTask;
    }
}
