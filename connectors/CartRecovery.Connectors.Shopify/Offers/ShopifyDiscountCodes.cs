using System.Globalization;
using System.Security.Cryptography;
using CartRecovery.Connectors.Shopify.Checkouts;
using CartRecovery.Core;
using CartRecovery.Core.Sequences;

namespace CartRecovery.Connectors.Shopify.Offers;

/// <summary>Codes and the GraphQL inputs that create them (https://shopify.dev/docs/api/admin-graphql/latest/input-objects/DiscountCodeBasicInput).</summary>
internal static class ShopifyDiscountCodes
{
    // No 0/O, 1/I/L: people type these codes from an email.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public const string BasicMutation = """
        mutation CartRecoveryBasicDiscount($basicCodeDiscount: DiscountCodeBasicInput!) {
          discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
            codeDiscountNode { id }
            userErrors { field code message }
          }
        }
        """;

    public const string FreeShippingMutation = """
        mutation CartRecoveryFreeShippingDiscount($freeShippingCodeDiscount: DiscountCodeFreeShippingInput!) {
          discountCodeFreeShippingCreate(freeShippingCodeDiscount: $freeShippingCodeDiscount) {
            codeDiscountNode { id }
            userErrors { field code message }
          }
        }
        """;

    public static string NewCode() => "CR-" + RandomNumberGenerator.GetString(Alphabet, 8);

    /// <summary>The mutation, its payload field and its variables for one offer.</summary>
    public static (string Mutation, string Payload, object Variables) Build(
        OfferSpec offer, string code, string title, string shopCurrency, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var starts = ShopifyPoller.FormatTime(startsAt);
        var ends = ShopifyPoller.FormatTime(endsAt);
        if (offer.Kind == OfferKind.FreeShipping)
        {
            return (FreeShippingMutation, "discountCodeFreeShippingCreate", new
            {
                freeShippingCodeDiscount = new
                {
                    title,
                    code,
                    startsAt = starts,
                    endsAt = ends,
                    usageLimit = 1,
                    appliesOncePerCustomer = true,
                    context = new { all = "ALL" },
                    destination = new { all = true },
                },
            });
        }

        object value = offer.Kind == OfferKind.Percentage
            // Shopify takes a fraction: 10 % is 0.1.
            ? new { percentage = Math.Clamp(offer.Value, 0, 100) / 100m }
            // A fixed amount is in the shop's currency, as a decimal string, once per order rather than per item.
            : new { discountAmount = new { amount = Money.ToMajor(offer.Value, shopCurrency).ToString("F" + Money.Decimals(shopCurrency), CultureInfo.InvariantCulture), appliesOnEachItem = false } };
        return (BasicMutation, "discountCodeBasicCreate", new
        {
            basicCodeDiscount = new
            {
                title,
                code,
                startsAt = starts,
                endsAt = ends,
                usageLimit = 1,
                appliesOncePerCustomer = true,
                context = new { all = "ALL" },
                customerGets = new { value, items = new { all = true } },
            },
        });
    }
}
