using CartRecovery.Core.Storefronts;

namespace CartRecovery.Connectors.WooCommerce.Capture;

/// <summary>
/// Whether the capture script asks "Before you go — what stopped you?" when a shopper is about to leave the cart or
/// checkout page: the merchant's choice per store, off until they switch it on (a small connector value, like its cursors).
/// </summary>
public sealed class WooCommerceExitQuestion(IConnectorStateRepository state)
{
    public const string StateKey = "woocommerce:capture:exit-question";
    private const string On = "on";
    private const string Off = "off";

    public async Task<bool> IsOnAsync(long storeId, CancellationToken ct) =>
        await state.GetAsync(storeId, StateKey, ct) == On;

    public Task SetAsync(long storeId, bool on, CancellationToken ct) => state.SetAsync(storeId, StateKey, on ? On : Off, ct);
}
