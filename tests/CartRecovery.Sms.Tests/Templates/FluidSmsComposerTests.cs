using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;
using CartRecovery.Sms.Templates;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace CartRecovery.Sms.Tests.Templates;

public sealed class FluidSmsComposerTests
{
    private const string Link = "https://recover.example/s/AAAAAAAqAAAAAAAAAAAAAAAA";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly SmsSettings Settings = new() { Enabled = true, Country = "FR", FromNumber = "+33612000000" };

    private static readonly Store Shop = new()
    {
        Id = 7, Platform = Platforms.Demo, ExternalId = "shop", Name = "Maple Goods", StorefrontUrl = "https://shop.example/",
        Currency = "EUR", SenderEmail = "shop@shop.example", SenderName = "Maple Goods", CreatedAt = DateTimeOffset.UnixEpoch, Locale = "en",
    };

    private static SmsModel Model(string? locale, string template = SequencePresets.SmsReminderTemplate, SmsSettings? settings = null) => new(Shop,
        new Cart
        {
            Id = 10, StoreId = 7, ExternalId = "c1", Status = CartStatus.Abandoned, Currency = "EUR", SubtotalMinor = 2450, TotalMinor = 2450,
            Contact = new CartContact(Phone: "06 12 34 56 78", FirstName: "Léa", Locale: locale, AcceptsSms: true),
            Lines = [new CartLine("Mug", 1, 2450)],
        },
        new OutboundMessage { Id = 42, StoreId = 7, CartId = 10, Step = 3, Kind = StepKind.Sms, Template = template, DueAt = DateTimeOffset.UnixEpoch },
        settings ?? Settings, Link);

    private static FluidSmsComposer Composer(params StoreTemplate[] own)
    {
        var overrides = new Mock<ITemplateRepository>();
        overrides.Setup(o => o.ListAsync(7, It.IsAny<CancellationToken>())).ReturnsAsync(own);
        return new FluidSmsComposer(SmsTemplateCatalog.FromEmbeddedResources(), overrides.Object, NullLogger<FluidSmsComposer>.Instance);
    }

    [Fact]
    public async Task Compose_InEnglish_NamesTheShopCarriesTheLinkAndEndsWithReplyStop()
    {
        var text = await Composer().ComposeAsync(Model("en"), Ct);

        Assert.StartsWith("Maple Goods: Léa, your cart (€24.50) is waiting for you: ", text, StringComparison.Ordinal);
        Assert.Contains(Link, text, StringComparison.Ordinal);
        Assert.EndsWith("\nReply STOP to opt out", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_InFrench_StaysInGsm7WithinOnePartAndEndsWithStopAuTheSendingNumber()
    {
        var text = await Composer().ComposeAsync(Model("fr-FR"), Ct);

        Assert.StartsWith("Maple Goods : Léa, votre panier (24,50 €)", text, StringComparison.Ordinal);
        Assert.EndsWith("\nSTOP au 0612000000", text, StringComparison.Ordinal);
        // The non-breaking spaces French money is written with would make the text UCS-2 (70 characters a part).
        var budget = SmsBudget.Measure(text);
        Assert.Equal(SmsEncoding.Gsm7, budget.Encoding);
        Assert.Equal(1, budget.Parts);
    }

    [Fact]
    public async Task Compose_WithAMessagingService_AsksForAReplyWithoutANumberInFrench()
    {
        var text = await Composer().ComposeAsync(Model("fr", settings: Settings with { MessagingServiceSid = "MG" + new string('0', 32) }), Ct);

        Assert.EndsWith("\nRépondez STOP pour ne plus recevoir de SMS", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_WithAStoreTextThatLeavesOutTheShopTheLinkAndTheMention_AddsAllThree()
    {
        var own = new StoreTemplate(7, SequencePresets.SmsReminderTemplate, "en", StoreTemplate.TextPart, "Hi {{ customer.first_name }}!", DateTimeOffset.UnixEpoch);

        var text = await Composer(own).ComposeAsync(Model("en"), Ct);

        Assert.Equal($"Maple Goods: Hi Léa! {Link}\nReply STOP to opt out", text);
    }

    [Fact]
    public async Task Compose_WithAStoreTextThatDoesNotParse_SendsTheBuiltInOne()
    {
        var own = new StoreTemplate(7, SequencePresets.SmsReminderTemplate, "en", StoreTemplate.TextPart, "Hi {{ customer.first_name", DateTimeOffset.UnixEpoch);

        var text = await Composer(own).ComposeAsync(Model("en"), Ct);

        Assert.StartsWith("Maple Goods: Léa, your cart", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_AnUnknownTemplate_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => Composer().ComposeAsync(Model("en", template: "nope"), Ct));
    }
}
