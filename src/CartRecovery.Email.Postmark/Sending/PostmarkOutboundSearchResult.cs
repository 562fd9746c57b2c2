namespace CartRecovery.Email.Postmark.Sending;

/// <summary>An answer of the outbound message search (<c>GET /messages/outbound</c>): one page of matches, newest first.</summary>
internal sealed record PostmarkOutboundSearchResult
{
    /// <summary>How many messages match in all (the page holds at most the requested count).</summary>
    public int TotalCount { get; init; }

    public IReadOnlyList<PostmarkOutboundMessage>? Messages { get; init; }
}
