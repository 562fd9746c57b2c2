using System.Text.Json;
using System.Text.Json.Nodes;
using CartRecovery.Connectors.WooCommerce.Capture;
using CartRecovery.Core.Stores;
using CartRecovery.Testing;

namespace CartRecovery.Connectors.Tests.WooCommerce.Capture;

/// <summary>The capture script's billing phone and the store's SMS checkbox reach the cart, kept as typed.</summary>
public sealed class CapturePhoneTests
{
    private const string Good = """
        {"cart_id":"b7Yq2xZp9K","email":"lea.martin@example.org","consent":true,"currency":"EUR",
         "items":[{"product_id":41,"quantity":2,"name":"Hiking Socks","price":9.9}]}
        """;

    private static CaptureValidation Validate(Action<JsonObject> edit)
    {
        var body = JsonNode.Parse(Good)!.AsObject();
        edit(body);
        return CaptureValidator.Validate(JsonDocument.Parse(body.ToJsonString()).RootElement);
    }

    [Fact]
    public void Validate_PhoneAndSmsConsent_AreKeptAsTyped()
    {
        var result = Validate(b =>
        {
            b["phone"] = " 06 12 34 56 78 ";
            b["sms_consent"] = true;
        });

        Assert.True(result.IsValid);
        Assert.Equal(("06 12 34 56 78", true), (result.Cart!.Phone, result.Cart.SmsConsent));
    }

    [Fact]
    public void Validate_WithoutPhoneOrSmsCheckbox_IsStillAGoodCart()
    {
        var result = Validate(b =>
        {
            b["phone"] = "";
            b["sms_consent"] = null;
        });

        Assert.True(result.IsValid);
        Assert.Equal((null, null), (result.Cart!.Phone, result.Cart.SmsConsent));
        Assert.True(Validate(_ => { }).IsValid);
    }

    [Theory]
    [InlineData("call me maybe")]
    [InlineData("06<script>")]
    [InlineData("+33 6 12 34 56 78 90 12 34 56 78 90 12")]
    [InlineData("12")]
    public void Validate_BadPhone_NamesThePhoneFieldAndStoresNothing(string phone)
    {
        var result = Validate(b => b["phone"] = phone);

        Assert.Null(result.Cart);
        Assert.Equal("phone", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Validate_SmsConsentNotABoolean_NamesItsField()
    {
        var result = Validate(b => b["sms_consent"] = "yes");

        Assert.Null(result.Cart);
        Assert.Equal("sms_consent", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void ToSnapshot_CapturedPhone_GoesToTheContactWithSmsConsentApartFromEmailConsent()
    {
        var store = TestData.Store() with { Platform = Platforms.WooCommerce, ExternalId = "https://shop.test/" };
        var cart = Validate(b =>
        {
            b["phone"] = "06 12 34 56 78";
            b["sms_consent"] = false;
        }).Cart!;

        var contact = CapturedCartMapper.ToSnapshot(store, cart, FixtureTime.Now, supportsCheckoutLink: false).Contact;

        Assert.Equal("06 12 34 56 78", contact.Phone);
        Assert.False(contact.AcceptsSms);
        Assert.True(contact.AcceptsMarketing);
    }
}
