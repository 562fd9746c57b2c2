using CartRecovery.Core.Storefronts;

namespace CartRecovery.Core.FeedHealth;

/// <summary>
/// How a failed poll is recorded so that the feed check can tell refused credentials from an outage: the job history
/// keeps only the failure's message, so a refusal's message starts with <see cref="CredentialsRefusedMark"/>.
/// </summary>
public static class PollFailure
{
    public const string CredentialsRefusedMark = "Credentials refused: ";

    /// <summary>True when the platform refused the store's token or keys (401/403), anywhere in the chain of causes.</summary>
    public static bool IsCredentialsRefused(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is IPlatformApiFailure { StatusCode: 401 or 403 })
                return true;
        }
        return false;
    }

    /// <summary>The message the job history keeps for <paramref name="error"/>.</summary>
    public static string Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return IsCredentialsRefused(error) ? CredentialsRefusedMark + error.Message : error.Message;
    }

    /// <summary>The problem a recorded poll failure stands for.</summary>
    public static FeedProblem Classify(string? recordedError) =>
        recordedError?.StartsWith(CredentialsRefusedMark, StringComparison.Ordinal) == true ? FeedProblem.CredentialsRefused : FeedProblem.PollFailing;
}
