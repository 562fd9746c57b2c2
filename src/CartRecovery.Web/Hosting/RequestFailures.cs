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
