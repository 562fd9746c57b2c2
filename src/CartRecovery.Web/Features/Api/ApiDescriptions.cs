namespace CartRecovery.Web.Features.Api;

/// <summary>
/// How an admin API endpoint describes itself in the OpenAPI document: its tag, a one-line summary, the shape of its
/// success and the problem+json answers its handler can return. 401, 403 and 413 apply to the whole <c>/api</c> group
/// and are declared once there (<see cref="DescribeAdminGroup"/>).
/// </summary>
internal static class ApiDescriptions
{
    public const string Stores = "Stores";
    public const string Carts = "Carts";
    public const string Sequences = "Sequences";
    public const string Templates = "Templates";
    public const string Sending = "Sending";
    public const string Tasks = "Tasks";
    public const string Metrics = "Metrics";
    public const string Accounts = "Accounts";
    public const string Keys = "API keys";
    public const string Team = "Team";
    public const string Audit = "Audit";
    public const string Billing = "Billing";

    private const string Json = "application/json";

    /// <summary>
    /// Every <c>/api</c> call needs a Bearer key (401 otherwise), a role that allows it (403 otherwise) and refuses
    /// bodies over the size limit (413).
    /// </summary>
    public static RouteGroupBuilder DescribeAdminGroup(this RouteGroupBuilder api) => api
        .WithMetadata(ProblemMetadata(StatusCodes.Status401Unauthorized))
        .WithMetadata(ProblemMetadata(StatusCodes.Status403Forbidden))
        .WithMetadata(ProblemMetadata(StatusCodes.Status413PayloadTooLarge));

    /// <summary>
    /// Tag, summary, the 200 answer (<typeparamref name="TResponse"/> as JSON) and the error statuses: 400 is a
    /// validation problem naming the fields, any other status a plain problem.
    /// </summary>
    public static RouteHandlerBuilder Describe<TResponse>(this RouteHandlerBuilder endpoint, string tag, string summary, params int[] problems) =>
        endpoint.Produces<TResponse>(StatusCodes.Status200OK, Json).WithProblems(tag, summary, problems);

    /// <summary>As <see cref="Describe{TResponse}"/> for an endpoint that answers 204 with no body.</summary>
    public static RouteHandlerBuilder DescribeNoContent(this RouteHandlerBuilder endpoint, string tag, string summary, params int[] problems) =>
        endpoint.Produces(StatusCodes.Status204NoContent).WithProblems(tag, summary, problems);

    /// <summary>As <see cref="Describe{TResponse}"/> for an endpoint that answers 201 Created with the new resource.</summary>
    public static RouteHandlerBuilder DescribeCreated<TResponse>(this RouteHandlerBuilder endpoint, string tag, string summary, params int[] problems) =>
        endpoint.Produces<TResponse>(StatusCodes.Status201Created, Json).WithProblems(tag, summary, problems);

    private static RouteHandlerBuilder WithProblems(this RouteHandlerBuilder endpoint, string tag, string summary, int[] problems)
    {
        endpoint.WithTags(tag).WithSummary(summary);
        foreach (var status in problems)
        {
            if (status == StatusCodes.Status400BadRequest)
                endpoint.ProducesValidationProblem();
            else
                endpoint.ProducesProblem(status);
        }
        return endpoint;
    }

    private static ProducesResponseTypeMetadata ProblemMetadata(int status) =>
        new(status, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]);
}
