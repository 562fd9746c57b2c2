using CartRecovery.Email.Postmark.Webhooks;
using Microsoft.AspNetCore.Routing;

namespace CartRecovery.Email.Postmark;

public static class PostmarkEmailEndpoints
{
    /// <summary>
    /// Maps Postmark's webhook (<c>POST /webhooks/postmark</c>: delivery, bounce, complaint, open, click, subscription
    /// change), checked with the Basic credentials of <see cref="PostmarkWebhookOptions"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapPostmarkEmail(this IEndpointRouteBuilder app)
    {
        app.MapPostmarkWebhooks();
        return app;
    }
}
