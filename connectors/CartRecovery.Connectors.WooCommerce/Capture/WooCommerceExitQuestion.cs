using CartRecovery.Core.Reasons;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.WooCommerce.Capture;

/// <summary>
/// Whether the capture script asks "Before you go — what stopped you?" when a shopper is about to leave the cart or
/// checkout page: the merchant's choice per store, off until they switch it on (a small connector value, like its cursors).
/// </summary>
internal sealed class WooCommerceExitQuestion(IConnectorStateRepository state) : IExitQuestion
{
    public string Platform => Platforms.WooCommerce;

    public const string StateKey = "woocommerce:capture:exit-question";
    private const string On = "on";
    private const string Off = "off";

    public async Task<bool> IsOnAsync(long storeId, CancellationToken ct) =>
        await state.GetAsync(storeId, StateKey, ct) == On;

    public Task SetAsync(long storeId, bool asked, CancellationToken ct) => state.SetAsync(storeId, StateKey, asked ? On : Off, ct);
}
