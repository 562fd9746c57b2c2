using System.Text.Json;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CartRecovery.Connectors.WooCommerce.Capture;

/// <summary>
/// <c>POST /capture/{publicKey}/reason</c> with <c>{"cart_id": "…", "reason": "shipping"}</c>: the capture script's exit
/// question answered on the storefront. Same guards as the capture endpoint (the store's own origin only, the same rate
/// limit, a small body) and only for a store whose merchant switched the question on. The reason is recorded through
/// the same use case as the first email's links (<see cref="ReasonCapture"/>), so it branches the sequence and is
/// reported the same way; the cart's first reason wins. A valid request is answered 204 whether or not it changed
/// anything, so the endpoint does not tell which cart ids exist.
/// </summary>
internal static class ExitReasonEndpoint
{
    private const int MaxBodyBytes = 1024;

    public static IEndpointRouteBuilder MapExitReason(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/capture/{publicKey}/reason", ["OPTIONS"], CaptureEndpoint.PreflightAsync).ExcludeFromDescription();
        app.MapPost("/capture/{publicKey}/reason", ReasonAsync).DisableAntiforgery().RequireRateLimiting(CaptureEndpoint.RateLimitPolicy)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ReasonAsync(string publicKey, HttpContext http, IStoreRepository stores, WooCommerceExitQuestion exitQuestion,
        ReasonCapture reasons, CancellationToken ct)
    {
        var (store, body, refusal) = await CaptureEndpoint.ReadPostAsync(publicKey, http, stores, MaxBodyBytes, ct);
        if (refusal is not null)
            return refusal;
        if (!await exitQuestion.IsOnAsync(store!.Id, ct))
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Exit question off",
                detail: "The store has not switched on the exit question.");

        var errors = Validate(body, out var cartId, out var reason);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors);
        await reasons.GiveFromStorefrontAsync(store.Id, CapturedCartMapper.ExternalIdPrefix + cartId, reason, ct);
        return Results.NoContent();
    }

    /// <summary>Exactly two fields: the script's cart id (as the capture endpoint accepts it) and a reason's link word.</summary>
    private static Dictionary<string, string[]> Validate(JsonElement body, out string cartId, out LeaveReason reason)
    {
        cartId = "";
        reason = default;
        var errors = new Dictionary<string, string[]>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["body"] = ["must be a JSON object"];
            return errors;
        }
        foreach (var property in body.EnumerateObject())
            if (property.Name is not ("cart_id" or "reason"))
                errors[property.Name] = ["is not a known field"];

        if (body.TryGetProperty("cart_id", out var id) && id.ValueKind == JsonValueKind.String && CaptureValidator.IsCartId(id.GetString()))
            cartId = id.GetString()!;
        else
            errors["cart_id"] = ["is required: 8 to 64 letters, digits, '-' or '_'"];

        if (body.TryGetProperty("reason", out var word) && word.ValueKind == JsonValueKind.String && LeaveReasonSlugs.Parse(word.GetString()) is { } parsed)
            reason = parsed;
        else
            errors["reason"] = [$"is required, one of: {string.Join(", ", LeaveReasonSlugs.All.Select(LeaveReasonSlugs.Slug))}"];
        return errors;
    }
}
