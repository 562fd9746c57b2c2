using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>
/// Describes an order of the emulated shop. Unset parts get realistic defaults: a pending guest order in the shop's
/// currency, dated "now" by the emulator's clock, totals summed from the lines as WooCommerce's strings ("45.00").
/// </summary>
public sealed class WooCommerceOrderBuilder
{
    private readonly List<(string Name, int Quantity, decimal Unit, long ProductId, long VariationId, string Sku, string? Image, string? Parent)> _lines = [];
    private string _status = "pending";
    private string? _currency;
    private string? _total;
    private string? _email = "lea.martin@example.org";
    private string _firstName = "Léa";
    private string _lastName = "Martin";
    private string _phone = "+33 6 12 34 56 78";
    private DateTimeOffset? _created;
    private DateTimeOffset? _modified;
    private DateTimeOffset? _paid;
    private string? _cartHash;
    private long _customerId;

    public WooCommerceOrderBuilder Status(string status)
    {
        _status = status;
        return this;
    }

    public WooCommerceOrderBuilder Currency(string currency)
    {
        _currency = currency;
        return this;
    }

    /// <summary>Overrides the summed total (a string, as WooCommerce sends it).</summary>
    public WooCommerceOrderBuilder Total(string total)
    {
        _total = total;
        return this;
    }

    public WooCommerceOrderBuilder Billing(string? email, string firstName = "Léa", string lastName = "Martin", string phone = "+33 6 12 34 56 78")
    {
        (_email, _firstName, _lastName, _phone) = (email, firstName, lastName, phone);
        return this;
    }

    /// <summary>A line; <paramref name="unitPrice"/> is a decimal string ("18.90").</summary>
    public WooCommerceOrderBuilder Line(string name, int quantity, string unitPrice, long productId, long variationId = 0,
        string sku = "", string? imageSrc = null, string? parentName = null)
    {
        _lines.Add((name, quantity, decimal.Parse(unitPrice, CultureInfo.InvariantCulture), productId, variationId, sku, imageSrc, parentName));
        return this;
    }

    public WooCommerceOrderBuilder Created(DateTimeOffset at)
    {
        _created = at;
        return this;
    }

    public WooCommerceOrderBuilder Modified(DateTimeOffset at)
    {
        _modified = at;
        return this;
    }

    public WooCommerceOrderBuilder Paid(DateTimeOffset at)
    {
        _paid = at;
        return this;
    }

    public WooCommerceOrderBuilder CartHash(string hash)
    {
        _cartHash = hash;
        return this;
    }

    public WooCommerceOrderBuilder Customer(long customerId)
    {
        _customerId = customerId;
        return this;
    }

    internal JsonObject Build(long id, Uri home, string shopCurrency, DateTimeOffset now, TimeSpan gmtOffset)
    {
        if (_lines.Count == 0)
            Line("Merino Beanie", 1, "29.00", 31, sku: "ALP-BNE-01", imageSrc: $"{Root(home)}/wp-content/uploads/beanie.jpg");
        var created = _created ?? _modified ?? now;
        var modified = _modified ?? created;
        var key = "wc_order_" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 13);
        var sum = _lines.Sum(l => l.Unit * l.Quantity);
        var lines = new JsonArray();
        for (var i = 0; i < _lines.Count; i++)
        {
            var l = _lines[i];
            var lineTotal = Amount(l.Unit * l.Quantity);
            lines.Add(new JsonObject
            {
                ["id"] = id * 100 + i + 1, ["name"] = l.Name, ["product_id"] = l.ProductId, ["variation_id"] = l.VariationId,
                ["quantity"] = l.Quantity, ["tax_class"] = "", ["subtotal"] = lineTotal, ["subtotal_tax"] = "0.00",
                ["total"] = lineTotal, ["total_tax"] = "0.00", ["taxes"] = new JsonArray(), ["meta_data"] = new JsonArray(),
                ["sku"] = l.Sku, ["price"] = (double)l.Unit,
                ["image"] = new JsonObject { ["id"] = l.Image is null ? 0 : 900 + i, ["src"] = l.Image ?? "" },
                ["parent_name"] = l.Parent,
            });
        }
        var order = new JsonObject
        {
            ["id"] = id, ["parent_id"] = 0, ["number"] = id.ToString(CultureInfo.InvariantCulture), ["order_key"] = key,
            ["created_via"] = _status == "checkout-draft" ? "store-api" : "checkout", ["version"] = "10.3.0",
            ["status"] = _status, ["currency"] = _currency ?? shopCurrency, ["currency_symbol"] = "€",
            ["discount_total"] = "0.00", ["discount_tax"] = "0.00", ["shipping_total"] = "0.00", ["shipping_tax"] = "0.00",
            ["cart_tax"] = "0.00", ["total"] = _total ?? Amount(sum), ["total_tax"] = "0.00", ["prices_include_tax"] = false,
            ["customer_id"] = _customerId, ["customer_ip_address"] = "203.0.113.7", ["customer_user_agent"] = "Mozilla/5.0",
            ["customer_note"] = "",
            ["billing"] = new JsonObject
            {
                ["first_name"] = _firstName, ["last_name"] = _lastName, ["company"] = "", ["address_1"] = "12 rue des Lilas",
                ["address_2"] = "", ["city"] = "Lyon", ["state"] = "", ["postcode"] = "69001", ["country"] = "FR",
                ["email"] = _email ?? "", ["phone"] = _phone,
            },
            ["shipping"] = new JsonObject
            {
                ["first_name"] = _firstName, ["last_name"] = _lastName, ["company"] = "", ["address_1"] = "12 rue des Lilas",
                ["address_2"] = "", ["city"] = "Lyon", ["state"] = "", ["postcode"] = "69001", ["country"] = "FR", ["phone"] = "",
            },
            ["payment_method"] = "", ["payment_method_title"] = "", ["transaction_id"] = "",
            ["cart_hash"] = _cartHash ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["meta_data"] = new JsonArray(), ["line_items"] = lines, ["tax_lines"] = new JsonArray(), ["shipping_lines"] = new JsonArray(),
            ["fee_lines"] = new JsonArray(), ["coupon_lines"] = new JsonArray(), ["refunds"] = new JsonArray(),
            ["payment_url"] = $"{Root(home)}/checkout/order-pay/{id}/?pay_for_order=true&key={key}",
            ["is_editable"] = _status is "pending" or "on-hold" or "checkout-draft",
            ["needs_processing"] = true,
        };
        SetDate(order, "date_created", created, gmtOffset);
        SetDate(order, "date_modified", modified, gmtOffset);
        SetDate(order, "date_paid", _paid, gmtOffset);
        SetDate(order, "date_completed", _status == "completed" ? _paid ?? modified : null, gmtOffset);
        order["needs_payment"] = NeedsPayment(order);
        return order;
    }

    internal static void SetDate(JsonObject order, string name, DateTimeOffset? at, TimeSpan gmtOffset)
    {
        order[name] = at is { } a ? (a.UtcDateTime + gmtOffset).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) : null;
        order[name + "_gmt"] = at is { } b ? b.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) : null;
    }

    internal static bool NeedsPayment(JsonObject order) =>
        order["status"]?.GetValue<string>() is "pending" or "failed" or "checkout-draft"
        && decimal.Parse(order["total"]!.GetValue<string>(), CultureInfo.InvariantCulture) > 0;

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Root(Uri home) => home.AbsoluteUri.TrimEnd('/');
}
