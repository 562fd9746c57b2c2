using System.Text;

namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>
/// How PHP turns a raw query string or form body into <c>$_GET</c>/<c>$_POST</c>, written independently of the
/// connector so the two only agree if both follow PHP: <c>+</c> decodes to a space, a repeated key keeps the last
/// value (in the first one's position), <c>.</c> and spaces in names become <c>_</c>, and <c>a[]=x</c> / <c>a[k]=x</c>
/// make arrays (flattened here to the keys <c>a[0]</c>, <c>a[k]</c>).
/// </summary>
internal static class PhpQuery
{
    public static List<KeyValuePair<string, string>> Parse(string? raw)
    {
        var order = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var nextIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in (raw ?? "").TrimStart('?').Split('&'))
        {
            if (part.Length == 0)
                continue;
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = UrlDecode(eq < 0 ? part : part[..eq]);
            var value = eq < 0 ? "" : UrlDecode(part[(eq + 1)..]);
            var bracket = name.IndexOf('[', StringComparison.Ordinal);
            var baseName = (bracket < 0 ? name : name[..bracket]).TrimStart(' ').Replace('.', '_').Replace(' ', '_');
            if (baseName.Length == 0)
                continue;
            var key = baseName;
            if (bracket >= 0 && name.EndsWith(']'))
            {
                var inner = name[(bracket + 1)..^1];
                if (inner.Length == 0)
                {
                    var index = nextIndex.GetValueOrDefault(baseName);
                    nextIndex[baseName] = index + 1;
                    inner = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                key = $"{baseName}[{inner}]";
            }
            if (!values.ContainsKey(key))
                order.Add(key);
            values[key] = value;
        }
        return order.Select(k => new KeyValuePair<string, string>(k, values[k])).ToList();
    }

    /// <summary>PHP's <c>urldecode</c>: <c>+</c> is a space, <c>%XX</c> a byte.</summary>
    public static string UrlDecode(string text) => PercentDecode(text.Replace('+', ' '));

    /// <summary>PHP's <c>rawurldecode</c>: only <c>%XX</c>.</summary>
    public static string PercentDecode(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <summary>PHP's <c>rawurlencode</c> (RFC 3986): everything but A-Z a-z 0-9 - _ . ~ becomes %XX, upper-case hex.</summary>
    public static string RawUrlEncode(string text)
    {
        var builder = new StringBuilder(text.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
                builder.Append((char)b);
            else
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
