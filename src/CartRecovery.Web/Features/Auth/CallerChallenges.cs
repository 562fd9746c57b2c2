namespace CartRecovery.Web.Features.Auth;

/// <summary>How the API refuses a caller: problem+json that says what to send, and no detail about what exists.</summary>
internal static class CallerChallenges
{
    public static Task UnauthorizedAsync(HttpContext http)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "Send an API key as 'Authorization: Bearer <key>', or sign in.").ExecuteAsync(http);
    }

    public static Task ForbiddenAsync(HttpContext http) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: "Your role in this account does not allow this.").ExecuteAsync(http);
}
