using Microsoft.AspNetCore.Authentication;

namespace CartRecovery.Web.Features.Auth;

/// <summary>
/// Anonymous requests under <c>/api</c> get 401 whatever routing made of them. The group's authorization covers the
/// endpoints it maps, but routing answers some requests itself before authorization runs (415 for a content type the
/// endpoint does not accept, 405 for a method it does not answer): without this gate those would tell a caller with
/// no key about the API's shape instead of asking for a key.
/// </summary>
internal static class ApiCallerGate
{
    public static IApplicationBuilder UseApiCallerGate(this IApplicationBuilder app) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), api => api.Use(async (http, next) =>
        {
            if (http.User.Identity?.IsAuthenticated == true)
                await next(http);
            else
                await http.ChallengeAsync();
        }));
}
