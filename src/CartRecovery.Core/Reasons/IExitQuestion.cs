namespace CartRecovery.Core.Reasons;

/// <summary>
/// The storefront's "Before you go — what stopped you?" question, asked by a connector's capture script when the
/// merchant switches it on (off by default). Implemented by the connector whose script asks it (WooCommerce).
/// </summary>
public interface IExitQuestion
{
    /// <summary>The platform whose stores can ask it (<see cref="Stores.Platforms"/>).</summary>
    string Platform { get; }

    Task<bool> IsOnAsync(long storeId, CancellationToken ct);

    Task SetAsync(long storeId, bool asked, CancellationToken ct);
}
