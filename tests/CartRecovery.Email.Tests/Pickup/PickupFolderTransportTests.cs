using CartRecovery.Core.Email;
using CartRecovery.Email.Pickup;
using CartRecovery.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CartRecovery.Email.Tests.Pickup;

public sealed class PickupFolderTransportTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(TestData.Now);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task SendAsync_WhenDirectoryIsMissing_CreatesItAndWritesOneEmlNamedAfterTheMessage()
    {
        var directory = Path.Combine(_temp.Path, "nested", "pickup");

        var providerId = await SendAsync(Transport(directory), EmailTestData.Message(messageId: 7));

        Assert.Equal("7.eml", providerId);
        var file = Assert.Single(Directory.GetFiles(directory));
        Assert.Equal("7.eml", Path.GetFileName(file));
    }

    [Fact]
    public async Task FindSentAsync_FindsOnlyMessagesWhoseFileWasWritten()
    {
        var transport = Transport(_temp.Path);
        await SendAsync(transport, EmailTestData.Message(messageId: 7));

        Assert.Equal("7.eml", await transport.FindSentAsync(7, null, TestContext.Current.CancellationToken));
        Assert.Null(await transport.FindSentAsync(8, null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SendAsync_WhenSameMessageIsSentTwice_OverwritesTheOneFile()
    {
        var transport = Transport(_temp.Path);

        await SendAsync(transport, EmailTestData.Message(messageId: 7, subject: "First attempt"));
        await SendAsync(transport, EmailTestData.Message(messageId: 7, subject: "Second attempt"));

        var file = Assert.Single(Directory.GetFiles(_temp.Path));
        Assert.Equal("Second attempt", Load(file).Subject);
    }

    [Fact]
    public async Task SendAsync_ForTwoMessages_WritesTwoFiles()
    {
        var transport = Transport(_temp.Path);

        await SendAsync(transport, EmailTestData.Message(messageId: 7));
        await SendAsync(transport, EmailTestData.Message(messageId: 8));

        Assert.Equal(["7.eml", "8.eml"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SendAsync_WritesAddressesSubjectAndMessageIdThatParseBack()
    {
        var sent = EmailTestData.Message();

        await SendAsync(Transport(_temp.Path), sent);

        var mime = Load(Path.Combine(_temp.Path, "7.eml"));
        var from = Assert.Single(mime.From.Mailboxes);
        Assert.Equal(("Maple Goods", "hello@maple.example.com"), (from.Name, from.Address));
        var to = Assert.Single(mime.To.Mailboxes);
        Assert.Equal(("Anna Berg", "anna@example.com"), (to.Name, to.Address));
        Assert.Equal(sent.Subject, mime.Subject);
        Assert.Equal(sent.InternetMessageId, mime.MessageId);
        Assert.Equal(TestData.Now, mime.Date);
    }

    [Fact]
    public async Task SendAsync_WritesOneClickUnsubscribeHeaders()
    {
        await SendAsync(Transport(_temp.Path), EmailTestData.Message());

        var mime = Load(Path.Combine(_temp.Path, "7.eml"));
        Assert.Equal($"<{EmailTestData.UnsubscribeUrl}>", mime.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mime.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task SendAsync_WritesEveryLinkOfTheTextPartOnOneLine()
    {
        var unsubscribe = "https://recover.shop-with-a-long-name.example.com/u/AQIAAAAAAAAAB2unsubscribe-token-that-is-long-enough";
        var restore = "https://recover.shop-with-a-long-name.example.com/r/AQEAAAAAAAAAB2restore-token-that-is-long-enough";
        var text = $"Your cart at Maple Goods: Café crème set\n\nReturn to your cart:\n{restore}\n\n--\nUnsubscribe: {unsubscribe}\n";

        await SendAsync(Transport(_temp.Path), EmailTestData.Message() with { TextBody = text, UnsubscribeUrl = unsubscribe });

        var raw = await File.ReadAllTextAsync(Path.Combine(_temp.Path, "7.eml"), TestContext.Current.CancellationToken);
        var lines = raw.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(lines, l => l == restore);
        Assert.Contains(lines, l => l == $"Unsubscribe: {unsubscribe}");
        Assert.Equal(text, Load(Path.Combine(_temp.Path, "7.eml")).TextBody!.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task SendAsync_TransactionalEmail_HasNoUnsubscribeHeaders()
    {
        await SendAsync(Transport(_temp.Path), EmailTestData.Message() with { UnsubscribeUrl = null });

        var mime = Load(Path.Combine(_temp.Path, "7.eml"));
        Assert.False(mime.Headers.Contains("List-Unsubscribe"));
        Assert.False(mime.Headers.Contains("List-Unsubscribe-Post"));
    }

    [Fact]
    public async Task SendAsync_WritesTagAndMetadataHeaders()
    {
        await SendAsync(Transport(_temp.Path), EmailTestData.Message());

        var mime = Load(Path.Combine(_temp.Path, "7.eml"));
        Assert.Equal("step-1", mime.Headers["X-CartRecovery-Tag"]);
        Assert.Equal("7", mime.Headers["X-CartRecovery-message_id"]);
        Assert.Equal("42", mime.Headers["X-CartRecovery-cart_id"]);
    }

    [Fact]
    public async Task SendAsync_WritesTextAndHtmlAsAlternatives()
    {
        var sent = EmailTestData.Message();

        await SendAsync(Transport(_temp.Path), sent);

        var mime = Load(Path.Combine(_temp.Path, "7.eml"));
        var alternative = Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Equal(sent.TextBody, mime.TextBody?.TrimEnd());
        Assert.Equal(sent.HtmlBody, mime.HtmlBody?.TrimEnd());
    }

    [Fact]
    public async Task SendAsync_WhenFolderCannotBeCreated_ThrowsTransientSendException()
    {
        var blocker = Path.Combine(_temp.Path, "not-a-folder");
        Directory.CreateDirectory(_temp.Path);
        await File.WriteAllTextAsync(blocker, "a file where the folder should be", TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<EmailSendException>(() => SendAsync(Transport(Path.Combine(blocker, "pickup")), EmailTestData.Message()));

        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task SendAsync_WhenUnsubscribeUrlIsNotWeb_ThrowsPermanentSendException()
    {
        var message = EmailTestData.Message() with { UnsubscribeUrl = "mailto:unsubscribe@example.com" };

        var error = await Assert.ThrowsAsync<EmailSendException>(() => SendAsync(Transport(_temp.Path), message));

        Assert.False(error.IsTransient);
        Assert.False(Directory.Exists(_temp.Path) && Directory.EnumerateFileSystemEntries(_temp.Path).Any());
    }

    [Fact]
    public void Constructor_WhenDirectoryIsRelative_ResolvesItAgainstTheCurrentDirectory()
    {
        var transport = Transport(Path.Combine("data", "pickup"));

        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "data", "pickup"), transport.PickupDirectory);
    }

    private PickupFolderTransport Transport(string directory) =>
        new(Options.Create(new EmailOptions { PickupDirectory = directory }), _time);

    private static MimeMessage Load(string path) => MimeMessage.Load(path, TestContext.Current.CancellationToken);

    private static Task<string?> SendAsync(PickupFolderTransport transport, EmailMessage message) =>
        transport.SendAsync(message, TestContext.Current.CancellationToken);
}
