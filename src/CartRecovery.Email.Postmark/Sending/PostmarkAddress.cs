using System.Net.Mail;
using System.Text;

namespace CartRecovery.Email.Postmark.Sending;

/// <summary>Writes <c>From</c>/<c>To</c> values the way the API parses them: <c>Name &lt;address&gt;</c> (RFC 5322 name-addr).</summary>
internal static class PostmarkAddress
{
    // RFC 5322 atext besides letters and digits; UTF-8 letters are atext too (RFC 6532), and spaces separate the words.
    private const string AtomSpecials = "!#$%&'*+-/=?^_`{|}~";

    /// <summary>A bare address (no display name, no angle brackets) that .NET can parse back unchanged.</summary>
    public static bool IsValid(string? address) =>
        !string.IsNullOrWhiteSpace(address)
        && MailAddress.TryCreate(address, out var parsed)
        && parsed.DisplayName.Length == 0
        && string.Equals(parsed.Address, address, StringComparison.Ordinal);

    /// <summary>
    /// <c>Maple Goods &lt;hello@maple.example&gt;</c>, or <c>"Maple Goods, Inc." &lt;...&gt;</c> when the name holds anything
    /// but words: an unquoted comma would split the value into two addresses and a colon or dot would make it unparsable.
    /// </summary>
    public static string Format(string? displayName, string address)
    {
        var name = Clean(displayName);
        if (name.Length == 0)
            return address;
        return NeedsQuoting(name) ? $"\"{Escape(name)}\" <{address}>" : $"{name} <{address}>";
    }

    // Control characters (a CR/LF above all) would let a store name inject headers; they never belong in a name.
    private static string Clean(string? name) =>
        string.Concat((name ?? "").Where(c => !char.IsControl(c))).Trim();

    private static bool NeedsQuoting(string name) =>
        name.Any(c => !(char.IsLetterOrDigit(c) || c == ' ' || c > '\u007f' || AtomSpecials.Contains(c, StringComparison.Ordinal)));

    private static string Escape(string name)
    {
        var quoted = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (c is '"' or '\\')
                quoted.Append('\\');
            quoted.Append(c);
        }
        return quoted.ToString();
    }
}
