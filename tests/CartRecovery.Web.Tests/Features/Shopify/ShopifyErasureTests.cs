using System.Text;
using CartRecovery.Testing.Emulators.Shopify;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CartRecovery.Web.Tests.Features.Shopify;

/// <summary>
/// Finding 3 of issue 11: after an erasure no row holds the customer, and neither does any byte on disk — not the
/// SQLite file's freed pages, not its write-ahead log, not the webhook inbox, not the pickup folder.
/// </summary>
public sealed class ShopifyErasureTests : IAsyncLifetime
{
    private const long CheckoutId = 7301;
    private const string Email = "quillonia.vexmortha@erasure-probe.example";
    private const string FirstName = "Quillonia";
    private const string LastName = "Vexmortha";
    private const string Phone = "+15550199327";

    private static readonly string[] Traces = [Email, FirstName, LastName, Phone[1..]];

    private ShopifyHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ShopifyHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CustomersRedact_AfterCartsAndEmails_LeavesNoByteOfTheCustomerInTheDataFolder()
    {
        await CustomerWithCartAndEmailsAsync();

        using (await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "customers/redact",
                   _host.Shopify.CustomersRedactPayload(_host.Shopify.GetCheckout(CheckoutId)!.CustomerId ?? CheckoutId, Email, Phone))) { }
        await _host.ProcessWebhooksAsync();

        var traces = FindTraces(_host.App.DataDirectory);
        Assert.True(traces.Count == 0, string.Join('\n', traces));
    }

    [Fact]
    public async Task ShopRedact_AfterCartsAndEmails_LeavesNoByteOfTheCustomerInTheDataFolder()
    {
        await CustomerWithCartAndEmailsAsync();

        using (await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "shop/redact", _host.Shopify.ShopRedactPayload())) { }
        await _host.ProcessWebhooksAsync();

        var traces = FindTraces(_host.App.DataDirectory);
        Assert.True(traces.Count == 0, string.Join('\n', traces));
    }

    [Fact]
    public async Task CustomersRedact_OfACustomerKnownByPhoneOnly_KeepsNoBodyInTheInbox()
    {
        await _host.InstalledStoreAsync();

        using (await _host.Shopify.SendWebhookAsync(_host.WebhookUrl, "customers/redact", _host.Shopify.CustomersRedactPayload(7302, null, Phone))) { }
        await _host.ProcessWebhooksAsync();

        var traces = FindTraces(_host.App.DataDirectory);
        Assert.True(traces.Count == 0, string.Join('\n', traces));
    }

    private async Task CustomerWithCartAndEmailsAsync()
    {
        await _host.InstalledStoreAsync();
        var checkout = _host.Shopify.AddCheckout(new ShopifyEmulatorCheckout
        {
            Id = CheckoutId,
            Email = Email,
            FirstName = FirstName,
            LastName = LastName,
            Phone = Phone,
            AcceptsMarketing = true,
            Lines = [new ShopifyEmulatorLine(4401, 7701, "Trail Boots", "EU 42", "BOOT-42", 1, "145.00")],
        });
        await _host.AbandonAndSendTwoStepsAsync(checkout.Id);

        // Moves the log into the database file, as SQLite's automatic checkpoint does over time: the erasure must then
        // clear the pages of the file itself, not only the log. And the setup must put the customer on disk, or the
        // test would prove nothing.
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(_host.App.DataDirectory, "cartrecovery.db")}"))
        {
            await db.OpenAsync(ShopifyHost.Ct);
            await db.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        Assert.Equal(2, _host.App.PickedUpEmails().Length);
        Assert.Contains(FindTraces(_host.App.DataDirectory), t => t.StartsWith("cartrecovery.db:", StringComparison.Ordinal));
    }

    /// <summary>Every file under the folder (the .db, -wal and -shm files included), searched as UTF-8 and UTF-16 bytes.</summary>
    private static List<string> FindTraces(string folder)
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            byte[] bytes;
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }
            catch (FileNotFoundException)
            {
                // SQLite deletes the -shm and -wal files when the last connection closes, which can happen between the
                // listing and the read (the pool lets go of idle connections); a file that is gone holds nothing.
                continue;
            }
            foreach (var trace in Traces)
                foreach (var (encoding, name) in new (Encoding, string)[] { (Encoding.UTF8, "UTF-8"), (Encoding.Unicode, "UTF-16LE"), (Encoding.BigEndianUnicode, "UTF-16BE") })
                    foreach (var form in new[] { trace, trace.ToLowerInvariant(), trace.ToUpperInvariant() }.Distinct(StringComparer.Ordinal))
                        if (bytes.AsSpan().IndexOf(encoding.GetBytes(form)) >= 0)
                            found.Add($"{Path.GetRelativePath(folder, file)}: '{form}' as {name}");
        }
        return found;
    }
}
