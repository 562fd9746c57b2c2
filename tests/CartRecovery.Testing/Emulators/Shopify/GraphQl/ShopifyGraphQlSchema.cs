namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>
/// The slice of the Admin GraphQL schema the emulator serves, written as "field:Type" pairs. Field names and types
/// follow the shopify.dev reference pages (admin-graphql 2026-07: objects/AbandonedCheckout,
/// objects/AbandonedCheckoutLineItem, objects/Shop, objects/WebhookSubscription, objects/StorefrontAccessToken, objects/DiscountCodeBasic,
/// objects/DiscountUserError, ...). A field missing here is answered like Shopify answers a field that does not
/// exist ("Field 'x' doesn't exist on type 'T'"), so if Shopify documents a field a client needs, add it here
/// and in ShopifyGraphQlObjects. Types not listed are leaves (scalars and enums). A type whose name ends with
/// "Connection" is a Relay connection: it needs first or last and is priced per node.
/// </summary>
internal static class ShopifyGraphQlSchema
{
    public const int MaxPageSize = 250;

    private static readonly Dictionary<string, Dictionary<string, string>> Types = Build(new()
    {
        ["QueryRoot"] = "shop:Shop abandonedCheckouts:AbandonedCheckoutConnection nodes:Node node:Node " +
            "webhookSubscriptions:WebhookSubscriptionConnection codeDiscountNodeByCode:DiscountCodeNode currentAppInstallation:AppInstallation",
        ["Mutation"] = "webhookSubscriptionCreate:WebhookSubscriptionCreatePayload webhookSubscriptionDelete:WebhookSubscriptionDeletePayload " +
            "discountCodeBasicCreate:DiscountCodeBasicCreatePayload discountCodeFreeShippingCreate:DiscountCodeFreeShippingCreatePayload " +
            "appSubscriptionCreate:AppSubscriptionCreatePayload appUsageRecordCreate:AppUsageRecordCreatePayload " +
            "storefrontAccessTokenCreate:StorefrontAccessTokenCreatePayload",
        ["Shop"] = "id:ID name:String email:String contactEmail:String currencyCode:CurrencyCode ianaTimezone:String " +
            "myshopifyDomain:String url:URL primaryDomain:Domain storefrontAccessTokens:StorefrontAccessTokenConnection",
        ["Domain"] = "id:ID host:String url:URL sslEnabled:Boolean",
        ["PageInfo"] = "hasNextPage:Boolean hasPreviousPage:Boolean startCursor:String endCursor:String",
        ["AbandonedCheckoutConnection"] = "edges:AbandonedCheckoutEdge nodes:AbandonedCheckout pageInfo:PageInfo",
        ["AbandonedCheckoutEdge"] = "cursor:String node:AbandonedCheckout",
        ["AbandonedCheckout"] = "id:ID name:String abandonedCheckoutUrl:URL createdAt:DateTime updatedAt:DateTime completedAt:DateTime " +
            "customer:Customer billingAddress:MailingAddress shippingAddress:MailingAddress lineItems:AbandonedCheckoutLineItemConnection " +
            "discountCodes:String taxesIncluded:Boolean note:String customAttributes:Attribute defaultCursor:String " +
            "lineItemsQuantity:Int taxLines:TaxLine subtotalPriceSet:MoneyBag totalPriceSet:MoneyBag totalLineItemsPriceSet:MoneyBag " +
            "totalDiscountSet:MoneyBag totalTaxSet:MoneyBag totalDutiesSet:MoneyBag",
        ["AbandonedCheckoutLineItemConnection"] = "edges:AbandonedCheckoutLineItemEdge nodes:AbandonedCheckoutLineItem pageInfo:PageInfo",
        ["AbandonedCheckoutLineItemEdge"] = "cursor:String node:AbandonedCheckoutLineItem",
        ["AbandonedCheckoutLineItem"] = "id:ID title:String variantTitle:String sku:String quantity:Int variant:ProductVariant " +
            "product:Product image:Image customAttributes:Attribute originalUnitPriceSet:MoneyBag originalTotalPriceSet:MoneyBag " +
            "discountedUnitPriceSet:MoneyBag discountedTotalPriceSet:MoneyBag discountedUnitPriceWithCodeDiscount:MoneyBag " +
            "discountedTotalPriceWithCodeDiscount:MoneyBag",
        ["Attribute"] = "key:String value:String",
        ["TaxLine"] = "title:String rate:Float ratePercentage:Float priceSet:MoneyBag",
        ["MoneyBag"] = "shopMoney:MoneyV2 presentmentMoney:MoneyV2",
        ["MoneyV2"] = "amount:Decimal currencyCode:CurrencyCode",
        ["Customer"] = "id:ID email:String firstName:String lastName:String displayName:String phone:String locale:String " +
            "state:CustomerState verifiedEmail:Boolean tags:String note:String createdAt:DateTime updatedAt:DateTime " +
            "emailMarketingConsent:CustomerEmailMarketingConsentState defaultEmailAddress:CustomerEmailAddress " +
            "defaultPhoneNumber:CustomerPhoneNumber",
        ["CustomerEmailMarketingConsentState"] = "marketingState:CustomerEmailMarketingState " +
            "marketingOptInLevel:CustomerMarketingOptInLevel consentUpdatedAt:DateTime",
        ["CustomerEmailAddress"] = "emailAddress:String marketingState:CustomerEmailAddressMarketingState " +
            "marketingOptInLevel:CustomerMarketingOptInLevel marketingUpdatedAt:DateTime",
        ["CustomerPhoneNumber"] = "phoneNumber:String marketingState:CustomerSmsMarketingState",
        ["MailingAddress"] = "id:ID firstName:String lastName:String name:String company:String address1:String address2:String " +
            "city:String province:String provinceCode:String zip:String country:String countryCodeV2:CountryCode phone:String",
        ["ProductVariant"] = "id:ID title:String displayName:String sku:String price:Money image:Image product:Product",
        ["Product"] = "id:ID title:String handle:String onlineStoreUrl:URL featuredMedia:Media featuredImage:Image",
        ["Media"] = "id:ID alt:String mediaContentType:MediaContentType preview:MediaPreviewImage",
        ["MediaImage"] = "id:ID alt:String mediaContentType:MediaContentType preview:MediaPreviewImage image:Image",
        ["MediaPreviewImage"] = "image:Image status:MediaPreviewImageStatus",
        ["Image"] = "id:ID url:URL altText:String width:Int height:Int",
        ["Node"] = "id:ID",
        ["WebhookSubscriptionConnection"] = "edges:WebhookSubscriptionEdge nodes:WebhookSubscription pageInfo:PageInfo",
        ["WebhookSubscriptionEdge"] = "cursor:String node:WebhookSubscription",
        ["WebhookSubscription"] = "id:ID topic:WebhookSubscriptionTopic uri:String callbackUrl:URL format:WebhookSubscriptionFormat " +
            "includeFields:String filter:String createdAt:DateTime updatedAt:DateTime endpoint:WebhookSubscriptionEndpoint",
        ["WebhookSubscriptionEndpoint"] = "",
        ["WebhookHttpEndpoint"] = "callbackUrl:URL",
        ["WebhookSubscriptionCreatePayload"] = "webhookSubscription:WebhookSubscription userErrors:UserError",
        ["WebhookSubscriptionDeletePayload"] = "deletedWebhookSubscriptionId:ID userErrors:UserError",
        ["UserError"] = "field:String message:String",
        ["DiscountCodeBasicCreatePayload"] = "codeDiscountNode:DiscountCodeNode userErrors:DiscountUserError",
        ["DiscountCodeFreeShippingCreatePayload"] = "codeDiscountNode:DiscountCodeNode userErrors:DiscountUserError",
        ["DiscountUserError"] = "field:String message:String code:DiscountErrorCode extraInfo:String",
        ["DiscountCodeNode"] = "id:ID codeDiscount:DiscountCode",
        ["DiscountCode"] = "",
        ["DiscountCodeBasic"] = "title:String status:DiscountStatus summary:String startsAt:DateTime endsAt:DateTime usageLimit:Int " +
            "appliesOncePerCustomer:Boolean asyncUsageCount:Int createdAt:DateTime updatedAt:DateTime codes:DiscountRedeemCodeConnection",
        ["DiscountCodeFreeShipping"] = "title:String status:DiscountStatus summary:String startsAt:DateTime endsAt:DateTime " +
            "usageLimit:Int appliesOncePerCustomer:Boolean asyncUsageCount:Int createdAt:DateTime updatedAt:DateTime " +
            "codes:DiscountRedeemCodeConnection",
        ["DiscountRedeemCodeConnection"] = "edges:DiscountRedeemCodeEdge nodes:DiscountRedeemCode pageInfo:PageInfo",
        ["DiscountRedeemCodeEdge"] = "cursor:String node:DiscountRedeemCode",
        ["DiscountRedeemCode"] = "id:ID code:String asyncUsageCount:Int",
        ["AppInstallation"] = "id:ID activeSubscriptions:AppSubscription",
        ["AppSubscription"] = "id:ID name:String status:AppSubscriptionStatus test:Boolean trialDays:Int createdAt:DateTime " +
            "currentPeriodEnd:DateTime returnUrl:URL lineItems:AppSubscriptionLineItem",
        ["AppSubscriptionLineItem"] = "id:ID plan:AppPlanV2",
        ["AppPlanV2"] = "pricingDetails:AppPricingDetails",
        ["AppPricingDetails"] = "",
        ["AppRecurringPricing"] = "price:MoneyV2 interval:AppPricingInterval",
        ["AppUsagePricing"] = "terms:String cappedAmount:MoneyV2 balanceUsed:MoneyV2 interval:AppPricingInterval",
        ["AppSubscriptionCreatePayload"] = "appSubscription:AppSubscription confirmationUrl:URL userErrors:UserError",
        ["AppUsageRecordCreatePayload"] = "appUsageRecord:AppUsageRecord userErrors:UserError",
        ["StorefrontAccessTokenConnection"] = "edges:StorefrontAccessTokenEdge nodes:StorefrontAccessToken pageInfo:PageInfo",
        ["StorefrontAccessTokenEdge"] = "cursor:String node:StorefrontAccessToken",
        ["StorefrontAccessToken"] = "id:ID accessToken:String title:String accessScopes:AccessScope createdAt:DateTime updatedAt:DateTime",
        ["AccessScope"] = "handle:String description:String",
        ["StorefrontAccessTokenCreatePayload"] = "shop:Shop storefrontAccessToken:StorefrontAccessToken userErrors:UserError",
        ["AppUsageRecord"] = "id:ID createdAt:DateTime description:String idempotencyKey:String price:MoneyV2",
    });

    // Interfaces and unions, with the concrete types the emulator can return for them.
    private static readonly Dictionary<string, string[]> PossibleTypes = new(StringComparer.Ordinal)
    {
        ["Node"] = ["AbandonedCheckout", "ProductVariant", "Product", "Customer", "WebhookSubscription", "DiscountCodeNode", "MediaImage"],
        ["Media"] = ["MediaImage"],
        ["DiscountCode"] = ["DiscountCodeBasic", "DiscountCodeFreeShipping"],
        ["WebhookSubscriptionEndpoint"] = ["WebhookHttpEndpoint"],
        ["AppPricingDetails"] = ["AppRecurringPricing", "AppUsagePricing"],
    };

    // Enum arguments the emulator checks, with their documented values (enums/AbandonedCheckoutSortKeys: there is
    // no UPDATED_AT; enums/WebhookSubscriptionTopic: the topics a recovery app uses).
    private static readonly Dictionary<string, (string Type, string[] Values)> EnumArguments = new(StringComparer.Ordinal)
    {
        ["QueryRoot.abandonedCheckouts.sortKey"] =
            ("AbandonedCheckoutSortKeys", ["CHECKOUT_ID", "CREATED_AT", "CUSTOMER_NAME", "ID", "RELEVANCE", "TOTAL_PRICE"]),
        ["Mutation.webhookSubscriptionCreate.topic"] = ("WebhookSubscriptionTopic", ShopifyWebhookTopics.Enums),
        ["QueryRoot.webhookSubscriptions.topics"] = ("WebhookSubscriptionTopic", ShopifyWebhookTopics.Enums),
    };

    // Arguments of the fields that take any, as "name" or "name!" (required), from the admin-graphql reference.
    // Fields not listed here are not checked.
    private static readonly Dictionary<string, string[]> Arguments = new(StringComparer.Ordinal)
    {
        ["QueryRoot.abandonedCheckouts"] = ["first", "after", "last", "before", "query", "reverse", "sortKey", "savedSearchId"],
        ["QueryRoot.nodes"] = ["ids!"],
        ["QueryRoot.node"] = ["id!"],
        ["QueryRoot.webhookSubscriptions"] = ["first", "after", "last", "before", "reverse", "sortKey", "query", "topics", "format", "uri", "callbackUrl"],
        ["QueryRoot.codeDiscountNodeByCode"] = ["code!"],
        ["Mutation.webhookSubscriptionCreate"] = ["topic!", "webhookSubscription!"],
        ["Mutation.webhookSubscriptionDelete"] = ["id!"],
        ["Mutation.discountCodeBasicCreate"] = ["basicCodeDiscount!"],
        ["Mutation.discountCodeFreeShippingCreate"] = ["freeShippingCodeDiscount!"],
        ["Mutation.appSubscriptionCreate"] = ["name!", "lineItems!", "returnUrl!", "test", "trialDays", "replacementBehavior"],
        ["Mutation.appUsageRecordCreate"] = ["subscriptionLineItemId!", "price!", "description!", "idempotencyKey"],
        ["Mutation.storefrontAccessTokenCreate"] = ["input!"],
        ["Shop.storefrontAccessTokens"] = ["first", "after", "last", "before", "reverse"],
        ["AbandonedCheckout.lineItems"] = ["first", "after", "last", "before", "reverse"],
        ["DiscountCodeBasic.codes"] = ["first", "after", "last", "before", "reverse", "sortKey", "query", "savedSearchId"],
        ["DiscountCodeFreeShipping.codes"] = ["first", "after", "last", "before", "reverse", "sortKey", "query", "savedSearchId"],
    };

    public static bool IsKnownType(string type) => Types.ContainsKey(type);

    /// <summary>The declared arguments of a field ("name!" when required), or null when the emulator doesn't check them.</summary>
    public static IReadOnlyList<string>? ArgumentsOf(string parentType, string field) =>
        Arguments.TryGetValue($"{parentType}.{field}", out var declared) ? declared : null;

    public static bool IsLeaf(string type) => !Types.ContainsKey(type);

    public static bool IsConnection(string type) => type.EndsWith("Connection", StringComparison.Ordinal);

    public static bool IsMutationRoot(string type) => type == "Mutation";

    public static string? FieldType(string parentType, string field) =>
        Types.TryGetValue(parentType, out var fields) && fields.TryGetValue(field, out var type) ? type : null;

    public static string NodeType(string connectionType) => FieldType(connectionType, "nodes") ?? "Node";

    /// <summary>Whether a fragment "on <paramref name="condition"/>" applies to an object of <paramref name="concreteType"/>.</summary>
    public static bool Applies(string? condition, string concreteType) =>
        condition is null || condition == concreteType
        || (PossibleTypes.TryGetValue(condition, out var possible) && possible.Contains(concreteType, StringComparer.Ordinal));

    /// <summary>The concrete types a selection on <paramref name="type"/> may meet (itself when it is concrete).</summary>
    public static IReadOnlyList<string> Concretes(string type) => PossibleTypes.TryGetValue(type, out var possible) ? possible : [type];

    public static bool TryGetEnumArgument(string parentType, string field, string argument, out string enumType, out string[] values)
    {
        var found = EnumArguments.TryGetValue($"{parentType}.{field}.{argument}", out var entry);
        (enumType, values) = found ? entry : ("", []);
        return found;
    }

    private static Dictionary<string, Dictionary<string, string>> Build(Dictionary<string, string> source) =>
        source.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(entry => entry.Split(':'))
                .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal),
            StringComparer.Ordinal);
}
