
namespace CartRecovery.Web.Features.Admin;

/// <summary>The admin API's shared answers and checks, so every endpoint words the same problem the same way.</summary>
internal static class ApiResults
{
    /// <summary>400 problem+json naming the field and the rule it broke.</summary>
    public static IResult Invalid(string field, string rule) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [rule] }, detail: rule);

    public static IResult StoreNotFound(long id) =>
        Results.Problem(statusCode: 404, title: "Store not found", detail: $"There is no store {id}.");

    /// <summary>One plain address (no display name), at most 254 characters; surrounding spaces are ignored.</summary>
    public static bool IsEmail(string? value) => Core.Accounts.PersonEmail.IsValid(value);
}
