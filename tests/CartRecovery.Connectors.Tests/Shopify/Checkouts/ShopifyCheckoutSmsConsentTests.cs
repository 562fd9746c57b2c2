using System.Text.Json;
using System.Text.Json.Nodes;
using CartRecovery.Connectors.Shopify.Checkouts;

namespace CartRecovery.Connectors.Tests.Shopify.Checkouts;

/// <summary>Shopify's SMS marketing consent reaches the cart apart from the email consent, from webhooks and from polling.</summary>
public sealed class ShopifyCheckoutSmsConsentTests
{
    private static JsonElement Edited(JsonElement source, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(source.GetRawText())!.AsObject();
        edit(node);
        return JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
    }

    [Fact]
    public void FromWebhook_BuyerAcceptedSmsMarketing_KeepsThatNumberAndConsentApartFromEmail()
    {
        var checkout = Edited(ShopifyFixtures.Json("checkout_create.json"), c =>
        {
            c["buyer_accepts_marketing"] = false;
            c["buyer_accepts_sms_marketing"] = true;
            c["sms_marketing_phone"] = "+33 6 12 34 56 78";
        });

        var contact = ShopifyCheckoutMapper.FromWebhook(1, checkout).Contact;

        Assert.True(contact.AcceptsSms);
        Assert.False(contact.AcceptsMarketing);
        Assert.Equal("+33 6 12 34 56 78", contact.Phone);
    }

    [Fact]
    public void FromWebhook_NoSmsMarketing_IsAnExplicitNo()
    {
        var contact = ShopifyCheckoutMapper.FromWebhook(1, ShopifyFixtures.Json("checkout_create.json")).Contact;

        Assert.False(contact.AcceptsSms);
        Assert.Equal("+1 207-555-0142", contact.Phone);
    }

    [Theory]
    [InlineData("SUBSCRIBED", true)]
    [InlineData("NOT_SUBSCRIBED", false)]
    [InlineData("UNSUBSCRIBED", false)]
    [InlineData("PENDING", false)]
    [InlineData(null, null)]
    public void FromGraphQl_PhoneMarketingState_IsTheSmsConsent(string? state, bool? acceptsSms)
    {
        var node = Edited(ShopifyFixtures.CheckoutNodes("abandoned_checkouts_page2.json")[0], n =>
            n["customer"]!["defaultPhoneNumber"] = new JsonObject { ["phoneNumber"] = "+33612345678", ["marketingState"] = state });

        var contact = ShopifyCheckoutMapper.FromGraphQl(1, node).Contact;

        Assert.Equal(acceptsSms, contact.AcceptsSms);
        Assert.Equal("+33612345678", contact.Phone);
    }
}
