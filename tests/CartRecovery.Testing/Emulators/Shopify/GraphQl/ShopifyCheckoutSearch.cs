using System.Globalization;
using System.Text.Json.Nodes;

namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>
/// The <c>query</c>, <c>sortKey</c>, <c>reverse</c> and cursor arguments of abandonedCheckouts
/// (admin-graphql queries/abandonedCheckouts; shopify.dev/docs/api/usage/search-syntax). Supported filters:
/// <c>created_at</c>/<c>updated_at</c> with : :&gt; :&gt;= :&lt; :&lt;=, <c>id</c> (same comparators),
/// <c>status:open|closed</c>, <c>recovery_state:recovered|not_recovered</c> and free text; terms are ANDed
/// (implicitly or with AND) and may be negated with NOT or a leading '-'. Unknown fields are ignored with a
/// warning in <c>extensions.search</c>, which is what Shopify does with an invalid search field.
/// </summary>
internal static class ShopifyCheckoutSearch
{
    public static Func<ShopifyEmulatorCheckout, bool> Filter(string? query, List<JsonObject> warnings)
    {
        var tests = new List<Func<ShopifyEmulatorCheckout, bool>>();
        var negate = false;
        foreach (var term in Terms(query ?? ""))
        {
            if (term is "AND")
            {
                continue;
            }

            if (term is "NOT" or "OR")
            {
                negate = term == "NOT";
                if (term == "OR")
                {
                    warnings.Add(Warning("OR", "The emulator treats OR as AND."));
                }

                continue;
            }

            var text = term;
            var negated = negate || text.StartsWith('-');
            negate = false;
            text = text.TrimStart('-');
            var test = Term(text, warnings);
            if (test is not null)
            {
                tests.Add(negated ? c => !test(c) : test);
            }
        }

        return checkout => tests.TrueForAll(test => test(checkout));
    }

    /// <summary>A string that orders like the sort key (ordinal), then the id breaks ties.</summary>
    public static string SortValue(ShopifyEmulatorCheckout checkout, string sortKey) => sortKey switch
    {
        "CREATED_AT" => checkout.CreatedAt.UtcTicks.ToString("D20", CultureInfo.InvariantCulture),
        "CUSTOMER_NAME" => $"{checkout.FirstName} {checkout.LastName}".Trim().ToLowerInvariant(),
        "TOTAL_PRICE" => ((long)(checkout.Total * 100)).ToString("D20", CultureInfo.InvariantCulture),
        _ => checkout.Id.ToString("D20", CultureInfo.InvariantCulture),
    };

    public static int Compare((string Value, long Id) left, (string Value, long Id) right)
    {
        var byValue = string.CompareOrdinal(left.Value, right.Value);
        return byValue != 0 ? byValue : left.Id.CompareTo(right.Id);
    }

    private static Func<ShopifyEmulatorCheckout, bool>? Term(string term, List<JsonObject> warnings)
    {
        var colon = term.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            var needle = Unquote(term);
            return c => new[] { c.Email, c.FirstName, c.LastName, c.Name }
                .Any(v => v?.Contains(needle, StringComparison.OrdinalIgnoreCase) == true);
        }

        var field = term[..colon];
        var rest = term[(colon + 1)..];
        var op = rest.StartsWith(">=", StringComparison.Ordinal) || rest.StartsWith("<=", StringComparison.Ordinal) ? rest[..2]
            : rest.StartsWith('>') || rest.StartsWith('<') ? rest[..1]
            : "=";
        var value = Unquote(rest[(op == "=" ? 0 : op.Length)..]);
        switch (field)
        {
            case "created_at" or "updated_at" when TryTime(value, out var instant):
                return c => Holds((field == "created_at" ? c.CreatedAt : c.UpdatedAt).CompareTo(instant), op);
            case "id" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                return c => Holds(c.Id.CompareTo(id), op);
            case "status" when value is "open" or "closed":
                return c => (c.CompletedAt is null) == (value == "open");
            case "recovery_state" when value is "recovered" or "not_recovered":
                return c => (c.CompletedAt is not null) == (value == "recovered");
            case "email_state":
                warnings.Add(Warning(field, "The emulator does not track email_state; the filter was ignored."));
                return null;
            case "created_at" or "updated_at" or "id" or "status" or "recovery_state":
                warnings.Add(Warning(field, $"Invalid value '{value}' for this field."));
                return _ => false;
            default:
                warnings.Add(Warning(field, "Invalid search field for this query."));
                return null;
        }
    }

    private static bool Holds(int comparison, string op) => op switch
    {
        ">" => comparison > 0,
        ">=" => comparison >= 0,
        "<" => comparison < 0,
        "<=" => comparison <= 0,
        _ => comparison == 0,
    };

    private static bool TryTime(string value, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] is '\'' or '"') && value[^1] == value[0] ? value[1..^1] : value;

    private static JsonObject Warning(string field, string message) => new() { ["field"] = field, ["message"] = message };

    // Splits on spaces outside quotes: updated_at:>='2026-01-01T00:00:00Z' AND status:open → 3 terms.
    private static List<string> Terms(string query)
    {
        var terms = new List<string>();
        var current = new System.Text.StringBuilder();
        char? quote = null;
        foreach (var ch in query)
        {
            if (quote is null && char.IsWhiteSpace(ch))
            {
                if (current.Length > 0)
                {
                    terms.Add(current.ToString());
                    current.Clear();
                }

                continue;
            }

            if (ch is '\'' or '"')
            {
                quote = quote == ch ? null : quote ?? ch;
            }

            current.Append(ch);
        }

        if (current.Length > 0)
        {
            terms.Add(current.ToString());
        }

        return terms;
    }
}
