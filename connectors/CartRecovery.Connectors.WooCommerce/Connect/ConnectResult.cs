using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.WooCommerce.Connect;

/// <summary>
/// The outcome of connecting a shop. On failure nothing was saved and <see cref="Error"/> says why in words a merchant
/// can act on. <see cref="Warning"/> reports a connection that works in part (webhooks could not be registered, so
/// changes arrive by polling only).
/// </summary>
internal sealed record ConnectResult(ConnectStatus Status, Store? Store, string? Error = null, string? Warning = null)
{
    public bool Succeeded => Status == ConnectStatus.Connected;

    public static ConnectResult Connected(Store store, string? warning = null) => new(ConnectStatus.Connected, store, Warning: warning);

    public static ConnectResult Failed(ConnectStatus status, string error) => new(status, null, error);
}
