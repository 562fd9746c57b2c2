using System.Text.Json;
using System.Text.Json.Nodes;
using CartRecovery.Connectors.WooCommerce.Capture;

namespace CartRecovery.Connectors.Tests.WooCommerce.Capture;

public sealed class CaptureValidatorTests
{
    private const string Good = """
        {"cart_id":"b7Yq2xZp9K","email":"lea.martin@example.org","consent":true,"currency":"eur",
         "items":[{"product_id":88,"variation_id":93,"quantity":1,"name":"Ridgeline Down Jacket","price":"59.00","image":"https://shop.test/jacket.jpg"},
                  {"product_id":"41","quantity":2,"name":"Hiking Socks","price":9.9}]}
        """;

    [Fact]
    public void Validate_AGoodCart_IsAccepted()
    {
        var result = CaptureValidator.Validate(Parse(Good));

        Assert.True(result.IsValid);
        var cart = result.Cart!;
        Assert.Equal(("b7Yq2xZp9K", "lea.martin@example.org", "EUR", true), (cart.CartId, cart.Email, cart.Currency, cart.Consent));
        Assert.Equal([(88L, 93L, 1, 59.00m), (41L, (long?)null, 2, 9.9m)], cart.Items.Select(i => (i.ProductId, i.VariationId, i.Quantity, i.Price)));
        Assert.Equal([93L, 41L], cart.Items.Select(i => i.PurchasableId));
    }

    [Theory]
    [InlineData("[]", "body")]
    [InlineData("\"cart\"", "body")]
    public void Validate_NotAnObject_IsRefused(string json, string field) =>
        Assert.Equal(field, Assert.Single(CaptureValidator.Validate(Parse(json)).Errors).Field);

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("Léa <lea@example.org>")]
    [InlineData("lea@localhost")]
    [InlineData("lea @example.org")]
    public void Validate_BadEmail_NamesTheEmailField(string email)
    {
        var result = CaptureValidator.Validate(With("email", email));

        Assert.False(result.IsValid);
        Assert.Equal(("email", "must be a valid address"), (result.Errors.Single().Field, result.Errors.Single().Message));
    }

    [Fact]
    public void Validate_ConsentFalse_IsRefusedSoTheEmailIsNeverStored()
    {
        var result = CaptureValidator.Validate(With("consent", false));

        Assert.Null(result.Cart);
        Assert.Equal("consent", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void Validate_ConsentMissingOrNotABoolean_IsRefused()
    {
        Assert.Equal("consent", Assert.Single(CaptureValidator.Validate(Without("consent")).Errors).Field);
        Assert.Equal("consent", Assert.Single(CaptureValidator.Validate(With("consent", "yes")).Errors).Field);
    }

    [Fact]
    public void Validate_OversizedFields_AreRefusedWithTheirPath()
    {
        var body = JsonNode.Parse(Good)!.AsObject();
        body["items"]![1]!["name"] = new string('x', 201);
        body["items"]![0]!["image"] = "https://shop.test/" + new string('a', 2048);
        body["email"] = new string('a', 250) + "@example.org";

        var fields = CaptureValidator.Validate(Parse(body.ToJsonString())).Errors.Select(e => e.Field).Order().ToList();

        Assert.Equal(["email", "items[0].image", "items[1].name"], fields);
    }

    [Fact]
    public void Validate_TooManyItems_IsRefused()
    {
        var body = JsonNode.Parse(Good)!.AsObject();
        var items = new JsonArray();
        for (var i = 0; i < CaptureValidator.MaxItems + 1; i++)
            items.Add(new JsonObject { ["product_id"] = i + 1, ["quantity"] = 1, ["name"] = "x", ["price"] = 1 });
        body["items"] = items;

        Assert.Equal("items", Assert.Single(CaptureValidator.Validate(Parse(body.ToJsonString())).Errors).Field);
    }

    [Theory]
    [InlineData("quantity", 0)]
    [InlineData("quantity", 10000)]
    [InlineData("quantity", 1.5)]
    [InlineData("product_id", -3)]
    [InlineData("price", -1)]
    [InlineData("price", "12,50")]
    [InlineData("price", 0.123456)]
    [InlineData("image", "javascript:alert(1)")]
    [InlineData("name", "")]
    public void Validate_MalformedItemField_NamesIt(string field, object value)
    {
        var body = JsonNode.Parse(Good)!.AsObject();
        body["items"]![0]![field] = JsonValue.Create(value);

        var error = Assert.Single(CaptureValidator.Validate(Parse(body.ToJsonString())).Errors);

        Assert.Equal($"items[0].{field}", error.Field);
    }

    [Theory]
    [InlineData("cart_id", "short")]
    [InlineData("cart_id", "has spaces in it")]
    [InlineData("currency", "EURO")]
    public void Validate_MalformedTopLevelField_NamesIt(string field, string value) =>
        Assert.Equal(field, Assert.Single(CaptureValidator.Validate(With(field, value)).Errors).Field);

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryRule()
    {
        var result = CaptureValidator.Validate(Parse("""{"consent":false,"items":[{"quantity":0}]}"""));

        Assert.Equal(["cart_id", "consent", "email", "items[0].name", "items[0].price", "items[0].product_id", "items[0].quantity"],
            result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    private static JsonElement With(string name, object value)
    {
        var body = JsonNode.Parse(Good)!.AsObject();
        body[name] = JsonValue.Create(value);
        return Parse(body.ToJsonString());
    }

    private static JsonElement Without(string name)
    {
        var body = JsonNode.Parse(Good)!.AsObject();
        body.Remove(name);
        return Parse(body.ToJsonString());
    }
}
