using System.Text.Json;
using CartRecovery.Core.Sms;
using CartRecovery.Sms.Pickup;
using Microsoft.Extensions.Time.Testing;

namespace CartRecovery.Sms.Tests.Pickup;

public sealed class PickupSmsTransportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cartrecovery-sms-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 30, 6, 15, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Send_WritesOneSmsJsonFileWithTheTextAndItsBudget()
    {
        var transport = new PickupSmsTransport(_folder, _time);
        var body = "Maple Goods : votre panier vous attend https://s.example/s/Ab3 STOP au 36111";

        var receipt = await transport.SendAsync(new SmsMessage(42, 7, "+33612345678", body, null, "MapleGoods"), TestContext.Current.CancellationToken);

        var file = Assert.Single(Directory.GetFiles(_folder));
        Assert.Equal("20260330-061500-42.sms.json", Path.GetFileName(file));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        Assert.Equal("+33612345678", json.RootElement.GetProperty("to").GetString());
        Assert.Equal(body, json.RootElement.GetProperty("body").GetString());
        Assert.Equal("Gsm7", json.RootElement.GetProperty("encoding").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("parts").GetInt32());
        Assert.Equal(new SmsReceipt("pickup-42", "delivered", 1), receipt);
    }

    [Fact]
    public async Task Send_WritesTheTextAsAPersonReadsIt()
    {
        var transport = new PickupSmsTransport(_folder, _time);

        await transport.SendAsync(new SmsMessage(42, 7, "+33612345678", "Alpine & Co. : votre panier (€224.00)", null, "Alpine"), TestContext.Current.CancellationToken);

        var text = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(_folder)), TestContext.Current.CancellationToken);
        Assert.Contains("\"to\": \"+33612345678\"", text, StringComparison.Ordinal);
        Assert.Contains("Alpine & Co. : votre panier (€224.00)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_SameMessageAgain_ReplacesItsFileSoARetryShowsOneText()
    {
        var transport = new PickupSmsTransport(_folder, _time);
        var message = new SmsMessage(42, 7, "+33612345678", "Maple Goods: hello. STOP au 36111", "MG00000000000000000000000000000abc", null);

        await transport.SendAsync(message, TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMinutes(3));
        await transport.SendAsync(message, TestContext.Current.CancellationToken);

        Assert.Equal("20260330-061800-42.sms.json", Path.GetFileName(Assert.Single(Directory.GetFiles(_folder))));
        Assert.NotNull(await transport.FindAsync("pickup-42", TestContext.Current.CancellationToken));
        Assert.Null(await transport.FindAsync("pickup-43", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FindSent_FindsAnEarlierSendOfTheSameMessageOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        var transport = new PickupSmsTransport(_folder, _time);
        var text = new SmsMessage(42, 7, "+33612345678", "Maple Goods: https://s.example/s/Ab3", null, "MapleGoods");
        await transport.SendAsync(text, ct);

        Assert.Equal("pickup-42", (await transport.FindSentAsync(text with { Body = "" }, "https://s.example/s/Ab3", ct))?.ProviderMessageId);
        Assert.Null(await transport.FindSentAsync(text with { MessageId = 43 }, "https://s.example/s/Ab4", ct));
    }
}
