using System.Globalization;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CartRecovery.Sms.Twilio;

/// <summary>
/// Twilio's callbacks. The incoming-message webhook, one URL per store (<c>/sms/twilio/{publicKey}/inbound</c>, set on
/// the store's Messaging Service or number): STOP/ARRET suppresses the number for that store at once, START lifts it.
/// The status callback (<c>/sms/twilio/status?m={our message id}</c>, given with each send): the text's state, delivery
/// and failure. Requests without a valid <c>X-Twilio-Signature</c> get 401 and change nothing; without a Twilio auth
/// token configured (a deployment without Twilio) both answer 404.
/// </summary>
public static class TwilioSmsEndpoints
{
    // Empty TwiML: Twilio's opt-out handling (Advanced Opt-Out on a Messaging Service, the default keywords on a number)
    // already sends the confirmation the carriers require; a reply of ours would be a second message.
    private const string EmptyTwiml = """<?xml version="1.0" encoding="UTF-8"?><Response></Response>""";

    public static IEndpointRouteBuilder MapTwilioSms(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/sms/twilio/{storeKey}/inbound", InboundAsync).DisableAntiforgery().ExcludeFromDescription();
        app.MapPost(StatusPath, StatusAsync).DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    /// <summary>The status callback's path; <see cref="TwilioOptions.StatusCallbackUrl"/> is its public address.</summary>
    public const string StatusPath = "/sms/twilio/status";

    /// <summary>The incoming-message webhook's path for a store, to paste on its Messaging Service or number.</summary>
    public static string InboundPath(string storePublicKey) => $"/sms/twilio/{Uri.EscapeDataString(storePublicKey)}/inbound";

    private static async Task<IResult> InboundAsync(string storeKey, HttpContext context, IStoreRepository stores, SmsOptOuts optOuts,
        IOptions<TwilioOptions> options, CancellationToken ct)
    {
        var (form, refusal) = await ReadSignedFormAsync(context, options.Value, ct);
        if (refusal is not null)
            return refusal;

        var store = await stores.FindByPublicKeyAsync(storeKey, ct);
        if (store is null)
            return Results.NotFound();
        var from = form["From"].ToString();
        if (string.IsNullOrWhiteSpace(from))
            return Problem("From is required");

        await optOuts.ReceiveAsync(store.Id, from, form["Body"].ToString(), ct);
        return Results.Text(EmptyTwiml, "text/xml");
    }

    // Our message id comes from the signed URL; the provider's MessageSid must then match what the send recorded.
    private static async Task<IResult> StatusAsync(HttpContext context, SmsStatusReports reports, IOptions<TwilioOptions> options, CancellationToken ct)
    {
        var (form, refusal) = await ReadSignedFormAsync(context, options.Value, ct);
        if (refusal is not null)
            return refusal;
        if (!long.TryParse(context.Request.Query["m"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var messageId))
            return Problem("m must be our message id (digits) in the callback URL");
        var sid = form["MessageSid"].ToString();
        var status = form["MessageStatus"].ToString();
        if (string.IsNullOrWhiteSpace(sid))
            return Problem("MessageSid is required");
        if (!SmsProviderStatus.IsKnown(status))
            return Problem("MessageStatus must be one of Twilio's message states (queued, sent, delivered, undelivered, failed, ...)");
        int? errorCode = int.TryParse(form["ErrorCode"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;

        // An unknown message or a late earlier state still gets 204: Twilio has nothing to retry.
        await reports.RecordAsync(messageId, sid, status, errorCode, ct);
        return Results.NoContent();
    }

    private static async Task<(IFormCollection Form, IResult? Refusal)> ReadSignedFormAsync(HttpContext context, TwilioOptions options, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(options.AuthToken))
            return (FormCollection.Empty, Results.NotFound());
        if (!context.Request.HasFormContentType)
            return (FormCollection.Empty, Problem("the body must be application/x-www-form-urlencoded"));
        var form = await context.Request.ReadFormAsync(ct);
        var fields = form.Select(f => KeyValuePair.Create(f.Key, f.Value.ToString())).ToList();
        return TwilioSignature.IsValid(options.AuthToken, CalledUrl(context.Request), fields, context.Request.Headers["X-Twilio-Signature"])
            ? (form, null)
            : (form, Results.Unauthorized());
    }

    private static IResult Problem(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest);

    // The URL as Twilio called it: the host's forwarded-headers handling makes scheme and host the public ones.
    private static Uri CalledUrl(HttpRequest request) =>
        new($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
}
