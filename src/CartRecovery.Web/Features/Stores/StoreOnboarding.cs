using CartRecovery.Connectors.Shopify.Auth;
using CartRecovery.Connectors.WooCommerce.Connect;
using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Features.Stores;

/// <summary>A field of a <see cref="CreateStoreRequest"/> and what is wrong with it.</summary>
internal sealed record FieldProblem(string Field, string Problem);

/// <summary>Why a store was not connected: the request (400), the platform refusing the credentials (422) or not answering (502).</summary>
internal enum OnboardingFailure
{
    Invalid,
    Rejected,
    Unreachable,
}

/// <summary>The connected store, or why not.</summary>
internal sealed record OnboardingResult(Store? Store, OnboardingFailure? Failure = null, FieldProblem? Problem = null)
{
    public static OnboardingResult Failed(OnboardingFailure failure, string field, string? problem) =>
        new(null, failure, new FieldProblem(field, problem ?? "the store was not connected"));
}

/// <summary>
/// Connecting a shop with credentials already held, shared by <c>POST /api/stores</c> and the <c>stores import</c> verb:
/// offline checks first (<see cref="Validate"/>), then the platform's connector checks the credentials against its API
/// before anything is saved.
/// </summary>
internal sealed class StoreOnboarding(ShopifyOnboarding shopify, WooCommerceConnectFlow woocommerce)
{
    /// <summary>Every problem found without calling the platform (required fields, platform, domain and URL formats).</summary>
    public static IReadOnlyList<FieldProblem> Validate(CreateStoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<FieldProblem>();
        void Check(bool ok, string field, string problem)
        {
            if (!ok)
                problems.Add(new FieldProblem(field, problem));
        }

        switch (NormalizedPlatform(request))
        {
            case Platforms.Shopify:
                if (string.IsNullOrWhiteSpace(request.ShopDomain))
                    problems.Add(new("shopDomain", "shopDomain is required (name.myshopify.com)"));
                else
                    Check(ShopifyHmac.IsValidShopDomain(request.ShopDomain.Trim()), "shopDomain", "shopDomain must be the shop's permanent name.myshopify.com domain");
                Check(!string.IsNullOrWhiteSpace(request.AccessToken), "accessToken", "accessToken is required");
                Check(IsHttpUrlOrEmpty(request.ApiBaseUrl), "apiBaseUrl", "apiBaseUrl must be an absolute http(s) URL");
                break;
            case Platforms.WooCommerce:
                if (!WooCommerceSiteUrl.TryNormalize(request.SiteUrl, out _, out var siteError) || !Uri.TryCreate(request.SiteUrl, UriKind.Absolute, out _))
                    problems.Add(new("siteUrl", siteError ?? "siteUrl is required: the shop's address (https://shop.example.com)"));
                Check(!string.IsNullOrWhiteSpace(request.ConsumerKey), "consumerKey", "consumerKey is required (ck_...)");
                Check(!string.IsNullOrWhiteSpace(request.ConsumerSecret), "consumerSecret", "consumerSecret is required (cs_...)");
                Check(IsHttpUrlOrEmpty(request.ApiBaseUrl), "apiBaseUrl", "apiBaseUrl must be an absolute URL");
                break;
            case "":
                problems.Add(new("platform", "platform is required: shopify or woocommerce"));
                break;
            default:
                problems.Add(new("platform", "platform must be shopify or woocommerce"));
                break;
        }
        return problems;
    }

    /// <summary>The (platform, external id) a valid request would create or update, for spotting duplicates before connecting.</summary>
    public static (string Platform, string ExternalId)? Identity(CreateStoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return NormalizedPlatform(request) switch
        {
            Platforms.Shopify when !string.IsNullOrWhiteSpace(request.ShopDomain) => (Platforms.Shopify, request.ShopDomain.Trim()),
            Platforms.WooCommerce when WooCommerceSiteUrl.TryNormalize(request.SiteUrl, out var site, out _) =>
                (Platforms.WooCommerce, WooCommerceSiteUrl.ExternalId(site!)),
            _ => null,
        };
    }

    /// <summary>Validates, then checks the credentials with the platform and saves the store with them.</summary>
    public async Task<OnboardingResult> ConnectAsync(CreateStoreRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request) is [var first, ..])
            return OnboardingResult.Failed(OnboardingFailure.Invalid, first.Field, first.Problem);
        if (NormalizedPlatform(request) == Platforms.Shopify)
        {
            var result = await shopify.ConnectWithTokenAsync(request.ShopDomain!.Trim(), request.AccessToken!.Trim(), request.ApiBaseUrl, ct,
                request.WebhookSecret);
            return result.Succeeded ? new OnboardingResult(result.Store) : result.Error switch
            {
                ShopifyInstallError.InvalidShop => OnboardingResult.Failed(OnboardingFailure.Invalid, "shopDomain", result.Reason),
                ShopifyInstallError.InvalidApiBaseUrl => OnboardingResult.Failed(OnboardingFailure.Invalid, "apiBaseUrl", result.Reason),
                ShopifyInstallError.ShopUnreachable => OnboardingResult.Failed(OnboardingFailure.Unreachable, "shopDomain", result.Reason),
                _ => OnboardingResult.Failed(OnboardingFailure.Rejected, "accessToken", result.Reason),
            };
        }

        var apiBase = request.ApiBaseUrl is { Length: > 0 } ? new Uri(request.ApiBaseUrl) : null;
        var connected = await woocommerce.ConnectWithKeysAsync(new Uri(request.SiteUrl!), request.ConsumerKey!.Trim(), request.ConsumerSecret!.Trim(),
            apiBase, ct);
        return connected.Status switch
        {
            ConnectStatus.Connected => new OnboardingResult(connected.Store),
            ConnectStatus.InvalidRequest => OnboardingResult.Failed(OnboardingFailure.Invalid, "siteUrl", connected.Error ?? "the request is not valid"),
            ConnectStatus.SiteUnreachable => OnboardingResult.Failed(OnboardingFailure.Unreachable, "siteUrl", connected.Error),
            _ => OnboardingResult.Failed(OnboardingFailure.Rejected, "consumerKey", connected.Error),
        };
    }

#pragma warning disable CA1308 // platform names are lower-case identifiers
    private static string NormalizedPlatform(CreateStoreRequest request) => request.Platform?.Trim().ToLowerInvariant() ?? "";
#pragma warning restore CA1308

    private static bool IsHttpUrlOrEmpty(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}
