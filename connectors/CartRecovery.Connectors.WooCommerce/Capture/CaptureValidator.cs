using System.Globalization;
using System.Net.Mail;
using System.Text.Json;

namespace CartRecovery.Connectors.WooCommerce.Capture;

/// <summary>
/// Validates what the storefront script posts (untrusted, from any browser). Rejects rather than repairs: every broken
/// rule is reported with its field, and nothing is stored unless all pass. Consent is required: without it the email
/// must not be kept at all.
/// </summary>
internal static class CaptureValidator
{
    public const int MaxItems = 100;
    public const int MaxNameLength = 200;
    public const int MaxUrlLength = 2048;
    public const int MaxQuantity = 9999;
    public const decimal MaxPrice = 10_000_000m;
    public const int MaxPhoneLength = 32;

    /// <summary>The script's cart id: 8 to 64 letters, digits, '-' or '_' (it becomes part of the cart's external id).</summary>
    public static bool IsCartId(string? value) =>
        value is { Length: >= 8 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static CaptureValidation Validate(JsonElement body)
    {
        var errors = new List<CaptureError>();
        if (body.ValueKind != JsonValueKind.Object)
            return new(null, [new("body", "must be a JSON object")]);

        var cartId = RequiredString(body, "cart_id", 64, errors);
        if (cartId is not null && !IsCartId(cartId))
            errors.Add(new("cart_id", "must be 8 to 64 letters, digits, '-' or '_'"));

        var email = RequiredString(body, "email", 254, errors);
        if (email is not null && !IsEmail(email))
            errors.Add(new("email", "must be a valid address"));

        if (!body.TryGetProperty("consent", out var consent) || consent.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            errors.Add(new("consent", "is required and must be true or false"));
        else if (consent.ValueKind == JsonValueKind.False)
            errors.Add(new("consent", "must be true: without the shopper's consent nothing is stored"));

        var (phone, smsConsent) = ValidatePhone(body, errors);

        string? currency = null;
        if (body.TryGetProperty("currency", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            currency = c.ValueKind == JsonValueKind.String ? c.GetString()!.Trim().ToUpperInvariant() : "";
            if (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper))
                errors.Add(new("currency", "must be a three-letter ISO 4217 code"));
        }

        var items = new List<CapturedCartItem>();
        if (!body.TryGetProperty("items", out var array) || array.ValueKind != JsonValueKind.Array)
            errors.Add(new("items", "is required and must be an array"));
        else if (array.GetArrayLength() is 0 or > MaxItems)
            errors.Add(new("items", $"must hold 1 to {MaxItems} items"));
        else
        {
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (ValidateItem(item, $"items[{index}]", errors) is { } valid)
                    items.Add(valid);
                index++;
            }
        }

        return errors.Count > 0
            ? new(null, errors)
            : new(new CapturedCart(cartId!, email!.Trim(), true, currency, items, phone, smsConsent), []);
    }

    // The phone is optional and kept as typed (texting normalizes it with the store's country); only characters people
    // type in a phone field are accepted. "sms_consent" is the store's SMS checkbox, absent when the store has none.
    private static (string? Phone, bool? SmsConsent) ValidatePhone(JsonElement body, List<CaptureError> errors)
    {
        string? phone = null;
        if (body.TryGetProperty("phone", out var p) && p.ValueKind != JsonValueKind.Null && !(p.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(p.GetString())))
        {
            phone = p.ValueKind == JsonValueKind.String ? p.GetString()!.Trim() : null;
            if (phone is null || phone.Length > MaxPhoneLength || phone.Count(char.IsAsciiDigit) < 4
                || !phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '.' or '(' or ')'))
            {
                errors.Add(new("phone", $"must be a phone number of at most {MaxPhoneLength} digits, spaces, '+', '-', '.', '(' or ')'"));
                phone = null;
            }
        }
        bool? smsConsent = null;
        if (body.TryGetProperty("sms_consent", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            if (s.ValueKind is JsonValueKind.True or JsonValueKind.False)
                smsConsent = s.GetBoolean();
            else
                errors.Add(new("sms_consent", "must be true or false"));
        }
        return (phone, smsConsent);
    }

    private static CapturedCartItem? ValidateItem(JsonElement item, string path, List<CaptureError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path, "must be an object"));
            return null;
        }
        var before = errors.Count;
        var productId = Integer(item, "product_id", path, 1, long.MaxValue, required: true, errors);
        var variationId = Integer(item, "variation_id", path, 0, long.MaxValue, required: false, errors);
        var quantity = Integer(item, "quantity", path, 1, MaxQuantity, required: true, errors);
        var name = RequiredString(item, "name", MaxNameLength, errors, path);

        decimal? price = null;
        if (!item.TryGetProperty("price", out var p) || !TryDecimal(p, out var parsed))
            errors.Add(new($"{path}.price", "is required and must be a number"));
        else if (parsed < 0 || parsed > MaxPrice || decimal.Round(parsed, 4) != parsed)
            errors.Add(new($"{path}.price", $"must be between 0 and {MaxPrice.ToString(CultureInfo.InvariantCulture)} with at most 4 decimals"));
        else
            price = parsed;

        string? image = null;
        if (item.TryGetProperty("image", out var i) && i.ValueKind != JsonValueKind.Null && !(i.ValueKind == JsonValueKind.String && i.GetString() == ""))
        {
            image = i.ValueKind == JsonValueKind.String ? i.GetString() : null;
            if (image is null || image.Length > MaxUrlLength || !Uri.TryCreate(image, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                errors.Add(new($"{path}.image", $"must be an absolute http(s) URL of at most {MaxUrlLength} characters"));
        }

        return errors.Count == before
            ? new CapturedCartItem(productId!.Value, variationId is > 0 ? variationId : null, (int)quantity!.Value, name!, price!.Value, image)
            : null;
    }

    private static string? RequiredString(JsonElement parent, string name, int maxLength, List<CaptureError> errors, string? path = null)
    {
        var field = path is null ? name : $"{path}.{name}";
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            errors.Add(new(field, "is required and must be a non-empty string"));
            return null;
        }
        var text = value.GetString()!.Trim();
        if (text.Length > maxLength)
        {
            errors.Add(new(field, $"must be at most {maxLength} characters"));
            return null;
        }
        if (text.Any(char.IsControl))
        {
            errors.Add(new(field, "must not contain control characters"));
            return null;
        }
        return text;
    }

    private static long? Integer(JsonElement parent, string name, string path, long min, long max, bool required, List<CaptureError> errors)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
                errors.Add(new($"{path}.{name}", "is required"));
            return null;
        }
        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => (long?)null,
        };
        if (parsed is null || parsed < min || parsed > max)
        {
            errors.Add(new($"{path}.{name}", $"must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}"));
            return null;
        }
        return parsed;
    }

    private static bool TryDecimal(JsonElement value, out decimal result)
    {
        result = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out result),
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out result),
            _ => false,
        };
    }

    private static bool IsEmail(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && address.DisplayName.Length == 0
        && address.Host.Contains('.', StringComparison.Ordinal) && !text.Any(char.IsWhiteSpace);
}
