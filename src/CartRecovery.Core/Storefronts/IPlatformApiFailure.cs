namespace CartRecovery.Core.Storefronts;

/// <summary>
/// A connector's failed call to its platform, seen from the host: the HTTP status the platform answered (null: no answer,
/// a timeout or a network failure). Lets jobs tell refused credentials (401/403: a person must reconnect) from outages.
/// </summary>
public interface IPlatformApiFailure
{
    int? StatusCode { get; }
}
