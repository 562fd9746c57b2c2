using System.Globalization;
using System.Text;
using CartRecovery.Core.Billing;

namespace CartRecovery.Web.Features.Billing;

/// <summary>Usage statements as CSV (RFC 4180: comma, CRLF, quotes doubled), one row per store, for a spreadsheet or an invoicing tool.</summary>
internal static class UsageStatementCsv
{
    private const string Header = "store_id,store_name,month,plan,currency,emails_sent,included_emails,billable_emails,monthly_price,usage_charge,total";

    public static string Write(IEnumerable<UsageStatement> statements)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var s in statements)
        {
            csv.AppendJoin(',', [
                Number(s.StoreId), Quote(s.StoreName), s.Month, Quote(s.Plan), s.Currency, Number(s.EmailsSent), Number(s.IncludedEmails),
                Number(s.BillableEmails), Money(s.MonthlyPrice), Money(s.UsageCharge), Money(s.Total)]).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    // A leading =, +, - or @ would make a spreadsheet run the cell as a formula: a store name is the shop's text, not ours.
    private static string Quote(string text) =>
        "\"" + (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' ? "'" + text : text).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
