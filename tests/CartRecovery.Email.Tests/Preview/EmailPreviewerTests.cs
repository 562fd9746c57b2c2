using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Recovery;
using CartRecovery.Email.Mime;
using CartRecovery.Email.Pickup;
using CartRecovery.Email.Preview;
using CartRecovery.Email.Templates;
using CartRecovery.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CartRecovery.Email.Tests.Preview;

public sealed class EmailPreviewerTests : IDisposable
{
    private const string Domain = "recover.example.com";
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(TestData.Now);
    private readonly FluidEmailComposer _composer = new(TemplateCatalog.FromEmbeddedResources());

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task PreviewAsync_ReturnsTheComposedContent()
    {
        var model = EmailTestData.Model();

        var preview = await Previewer().PreviewAsync(model, TestContext.Current.CancellationToken);

        Assert.Equal(await _composer.ComposeAsync(model, TestContext.Current.CancellationToken), preview.Content);
    }

    [Fact]
    public async Task PreviewAsync_ReturnsSenderRecipientMessageIdUnsubscribeAndMetadataHeaders()
    {
        var preview = await Previewer().PreviewAsync(EmailTestData.Model(), TestContext.Current.CancellationToken);

        var headers = preview.Headers;
        Assert.Equal("Maple Goods <hello@maple.example.com>", headers["From"]);
        Assert.Equal("Anna Berg <anna@example.com>", headers["To"]);
        Assert.Equal(preview.Content.Subject, headers["Subject"]);
        Assert.Equal($"<cart-42.step-1.msg-7@{Domain}>", headers["Message-Id"]);
        Assert.Equal($"<{EmailTestData.UnsubscribeUrl}>", headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", headers["List-Unsubscribe-Post"]);
        Assert.Equal("step-1", headers["X-CartRecovery-Tag"]);
        Assert.Equal("7", headers["X-CartRecovery-message_id"]);
        Assert.Equal("42", headers["X-CartRecovery-cart_id"]);
        Assert.Equal("1", headers["X-CartRecovery-store_id"]);
        Assert.DoesNotContain(headers.Keys, key => key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) || key == "MIME-Version");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr-FR")]
    public async Task PreviewAsync_EqualsWhatThePickupTransportWrites(string locale)
    {
        var cart = TestData.Cart(TestData.Line("Café crème set", quantity: 2, unitPriceMinor: 9450)) with
        {
            Contact = new CartContact(Email: "anna@example.com", FirstName: "Anna", LastName: "Berg", Locale: locale),
        };
        var model = EmailTestData.Model(cart);

        var preview = await Previewer().PreviewAsync(model, TestContext.Current.CancellationToken);
        var pickup = new PickupFolderTransport(Options.Create(new EmailOptions { PickupDirectory = _temp.Path }), _time);
        var file = await pickup.SendAsync(RecoveryEmail.Create(model, preview.Content, Domain), TestContext.Current.CancellationToken);

        var written = MimeMessage.Load(Path.Combine(_temp.Path, file!), TestContext.Current.CancellationToken);
        Assert.Equal(preview.Headers, MimeMessageFactory.Headers(written));
        Assert.Equal(preview.Content.Subject, written.Subject);
        Assert.Equal(preview.Content.TextBody.TrimEnd(), written.TextBody?.TrimEnd());
        Assert.Equal(preview.Content.HtmlBody.TrimEnd(), written.HtmlBody?.TrimEnd());
    }

    [Fact]
    public async Task PreviewAsync_InFrench_ShowsTheFrenchSubjectHeader()
    {
        var cart = TestData.Cart() with { Contact = new CartContact(Email: "anna@example.com", FirstName: "Anna", Locale: "fr") };

        var preview = await Previewer().PreviewAsync(EmailTestData.Model(cart), TestContext.Current.CancellationToken);

        Assert.Equal("Anna, votre panier chez Maple Goods vous attend", preview.Headers["Subject"]);
    }

    [Fact]
    public async Task PreviewAsync_WhenTheCartHasNoEmail_ShowsAPlaceholderRecipient()
    {
        var cart = TestData.Cart() with { Contact = new CartContact(Phone: "+33 6 12 34 56 78", FirstName: "Anna") };

        var preview = await Previewer().PreviewAsync(EmailTestData.Model(cart), TestContext.Current.CancellationToken);

        Assert.Equal($"Anna <{RecoveryEmail.PlaceholderRecipient}>", preview.Headers["To"]);
    }

    private EmailPreviewer Previewer() =>
        new(_composer, Options.Create(new RecoveryOptions { PublicBaseUrl = new Uri($"https://{Domain}/") }), _time);
}
