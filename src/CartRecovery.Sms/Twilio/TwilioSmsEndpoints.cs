using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CartRecovery.Sms.Twilio;

/// <summary>
/// Twilio's incoming-message webhook, one URL per store (<c>/sms/twilio/{publicKey}/inbound</c>, set on the store's
/// Messaging Service or number): STOP/ARRET suppresses the number for that store at once, START lifts it. Requests
/// without a valid <c>X-Twilio-Signature</c> get 401 and change nothing.
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
        return app;
    }

    private static async Task<IResult> InboundAsync(string storeKey, HttpContext context, IStoreRepository stores, SmsOptOuts optOuts,
        IOptions<TwilioOptions> options, CancellationToken ct)
    {
        if (!context.Request.HasFormContentType)
            return Results.Problem(detail: "the body must be application/x-www-form-urlencoded", statusCode: StatusCodes.Status400BadRequest);
        var form = await context.Request.ReadFormAsync(ct);
        var fields = form.Select(f => KeyValuePair.Create(f.Key, f.Value.ToString())).ToList();
        if (!TwilioSignature.IsValid(options.Value.AuthToken, CalledUrl(context.Request), fields, context.Request.Headers["X-Twilio-Signature"]))
            return Results.Unauthorized();

        var store = await stores.FindByPublicKeyAsync(storeKey, ct);
        if (store is null)
            return Results.NotFound();
        var from = form["From"].ToString();
        if (string.IsNullOrWhiteSpace(from))
            return Results.Problem(detail: "From is required", statusCode: StatusCodes.Status400BadRequest);

        await optOuts.ReceiveAsync(store.Id, from, form["Body"].ToString(), ct);
        return Results.Text(EmptyTwiml, "text/xml");
    }

    // The URL as Twilio called it: the host's forwarded-headers handling makes scheme and host the public ones.
    private static Uri CalledUrl(HttpRequest request) =>
        new($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
}
