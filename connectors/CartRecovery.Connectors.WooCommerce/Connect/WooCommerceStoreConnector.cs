using CartRecovery.Core.Stores;

namespace CartRecovery.Connectors.WooCommerce.Connect;

/// <summary>
/// WooCommerce's <see cref="IStoreConnector"/>: a shop connected with REST keys the merchant made
/// (<c>siteUrl</c>, <c>consumerKey</c>, <c>consumerSecret</c>, optional <c>apiBaseUrl</c>), through <see cref="WooCommerceConnectFlow"/>.
/// </summary>
internal sealed class WooCommerceStoreConnector(WooCommerceConnectFlow flow) : IStoreConnector
{
    public string Platform => Platforms.WooCommerce;

    public string ShopField => "siteUrl";

    public IReadOnlyList<FieldProblem> Validate(StoreConnectionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<FieldProblem>();
        var site = request["siteUrl"];
        if (!WooCommerceSiteUrl.TryNormalize(site, out _, out var siteError) || !Uri.TryCreate(site, UriKind.Absolute, out _))
            problems.Add(new("siteUrl", siteError ?? "siteUrl is required: the shop's address (https://shop.example.com)"));
        if (string.IsNullOrWhiteSpace(request["consumerKey"]))
            problems.Add(new("consumerKey", "consumerKey is required (ck_...)"));
        if (string.IsNullOrWhiteSpace(request["consumerSecret"]))
            problems.Add(new("consumerSecret", "consumerSecret is required (cs_...)"));
        if (!request.IsHttpUrlOrAbsent("apiBaseUrl"))
            problems.Add(new("apiBaseUrl", "apiBaseUrl must be an absolute URL"));
        return problems;
    }

    public string? ExternalId(StoreConnectionRequest request) =>
        WooCommerceSiteUrl.TryNormalize(request?["siteUrl"], out var site, out _) ? WooCommerceSiteUrl.ExternalId(site!) : null;

    public async Task<StoreConnectionResult> ConnectAsync(StoreConnectionRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var apiBase = request["apiBaseUrl"] is { Length: > 0 } given ? new Uri(given) : null;
        var connected = await flow.ConnectWithKeysAsync(new Uri(request["siteUrl"]!), request["consumerKey"]!.Trim(), request["consumerSecret"]!.Trim(),
            apiBase, ct);
        return connected.Status switch
        {
            ConnectStatus.Connected => StoreConnectionResult.Connected(connected.Store!),
            ConnectStatus.InvalidRequest => StoreConnectionResult.Failed(StoreConnectionFailure.Invalid, "siteUrl", connected.Error ?? "the request is not valid"),
            ConnectStatus.SiteUnreachable => StoreConnectionResult.Failed(StoreConnectionFailure.Unreachable, "siteUrl", connected.Error),
            _ => StoreConnectionResult.Failed(StoreConnectionFailure.Rejected, "consumerKey", connected.Error),
        };
    }
}
