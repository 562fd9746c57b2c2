namespace CartRecovery.Web.Features.Admin;

/// <summary>Requires <c>Authorization: Bearer &lt;Admin:ApiKey&gt;</c>; anything else gets a 401 problem and no detail.</summary>
internal sealed class AdminAuthFilter(AdminKey key) : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
        if (key.Matches(presented))
            return next(context);

        context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return ValueTask.FromResult<object?>(Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: "Send the admin API key as 'Authorization: Bearer <key>'."));
    }
}
