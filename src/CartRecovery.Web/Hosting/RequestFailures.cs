using System.Text.Json;

namespace CartRecovery.Web.Hosting;

/// <summary>
/// The status for an exception that escaped an endpoint. The framework's request readers throw for requests they
/// cannot read; those are the client's fault (4xx with a problem), everything else is ours (500).
/// </summary>
internal static class RequestFailures
{
    public static int StatusCodeFor(Exception error) => error switch
    {
        // A non-numeric id, an oversized body (Kestrel's limit or an endpoint's), a malformed JSON body.
        BadHttpRequestException bad => bad.StatusCode,
        // A JSON body declared in a charset .NET has no encoding for ("application/json; charset=x-foo").
        InvalidOperationException { InnerException: ArgumentException } when ThrownBy(error, typeof(HttpRequestJsonExtensions).FullName!) =>
            StatusCodes.Status415UnsupportedMediaType,
        // A form or multipart body that does not parse (a bogus boundary, a truncated part, over the form limits).
        IOException or InvalidDataException when ThrownBy(error, "Microsoft.AspNetCore.WebUtilities.") => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>A request the client got wrong: answered with a problem, not logged as our failure.</summary>
    public static bool IsClientFault(Exception error) => StatusCodeFor(error) < StatusCodes.Status500InternalServerError;

    /// <summary>
    /// Says in the problem what the framework could not read, for every JSON endpoint at once: a body that does not parse
    /// gets the parser's reason and where (line and byte, 1-based, and the JSON path when it is known).
    /// </summary>
    public static void Describe(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Exception is not BadHttpRequestException bad)
            return;
        if (bad.InnerException is not JsonException json)
        {
            context.ProblemDetails.Detail ??= bad.Message;
            return;
        }
        var line = json.LineNumber + 1;
        var bytePosition = json.BytePositionInLine + 1;
        context.ProblemDetails.Title = "The JSON body is not valid";
        context.ProblemDetails.Detail = $"{Reason(json)} At line {line}, byte {bytePosition}{(string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "" : $" ({json.Path})")}.";
        context.ProblemDetails.Extensions["line"] = line;
        context.ProblemDetails.Extensions["bytePositionInLine"] = bytePosition;
        if (!string.IsNullOrEmpty(json.Path))
            context.ProblemDetails.Extensions["path"] = json.Path;
    }

    // The parser's sentence without the position it appends ("... Path: $ | LineNumber: 0 | BytePositionInLine: 5.").
    private static string Reason(JsonException json)
    {
        var message = json.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        var reason = (cut >= 0 ? message[..cut] : message).Trim();
        return reason.EndsWith('.') ? reason : reason + ".";
    }

    // The frame that threw, or its async state machine's outer type: a prefix of the full type name.
    private static bool ThrownBy(Exception error, string typeNamePrefix)
    {
        for (var type = error.TargetSite?.DeclaringType; type is not null; type = type.DeclaringType)
        {
            if (type.FullName?.StartsWith(typeNamePrefix, StringComparison.Ordinal) == true)
                return true;
        }
        return false;
    }
}
