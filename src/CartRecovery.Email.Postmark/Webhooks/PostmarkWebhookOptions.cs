namespace CartRecovery.Email.Postmark.Webhooks;

/// <summary>Who may post Postmark's events (section <c>PostmarkWebhooks</c>): the Basic credentials set on the webhook in Postmark.</summary>
public sealed class PostmarkWebhookOptions
{
    public const string Section = "PostmarkWebhooks";

    /// <summary>Empty (the default) refuses every event: configure both before pointing Postmark here.</summary>
    public string Username { get; set; } = "";

    public string Password { get; set; } = "";
}
