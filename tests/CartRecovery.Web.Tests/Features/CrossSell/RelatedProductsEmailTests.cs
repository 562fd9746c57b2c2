using CartRecovery.Connectors.Demo;
using CartRecovery.Core.Carts;
using CartRecovery.Core.CrossSell;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;

namespace CartRecovery.Web.Tests.Features.CrossSell;

/// <summary>
/// "You may also like" through the real host: the demo shop's related products in the first email, and an email that
/// goes out on time without the block when the platform's catalogue hangs or fails.
/// </summary>
public sealed class RelatedProductsEmailTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static CartLine Jacket(Store store) =>
        DemoCartLines.Line(new Uri(store.StorefrontUrl), DemoCatalog.FindProduct("ridgeline-down-jacket")!, DemoCatalog.FindProduct("ridgeline-down-jacket")!.Variants[0], "en");

    private static async Task<(MimeMessage Email, OutboundMessage Message)> FirstEmailAsync(CartRecoveryAppFactory app, Func<RecoveryDriver, Task>? duringDispatch = null)
    {
        var drive = new RecoveryDriver(app);
        var store = await app.DemoStoreAsync();
        await drive.ReportCartAsync(store, "with-jacket", "ana@example.com", null, Jacket(store));
        drive.Advance(store.AbandonAfter + TimeSpan.FromSeconds(1));
        await drive.DetectAsync();
        drive.Advance(Core.Sequences.SequencePresets.Find(store.Sequence).Steps[0].Delay);
        var dispatch = drive.DispatchAsync();
        if (duringDispatch is not null)
            await duringDispatch(drive);
        await dispatch;
        var cart = (await drive.CartAsync(store, "with-jacket"))!;
        var message = (await app.Service<IMessageRepository>().ListForCartAsync(cart.Id, Ct)).First(m => m.Step == 1);
        return (drive.FirstEmailOf(cart), message);
    }

    [Fact]
    public async Task FirstEmail_ShowsTheShopsRelatedProducts_NotTheCartsOwn()
    {
        using var app = new CartRecoveryAppFactory();

        var (email, _) = await FirstEmailAsync(app);

        Assert.Contains("You may also like", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Merino Beanie", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost/demo/products/windstopper-gloves", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("demo/products/ridgeline-down-jacket\"><img", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(email.TextBody ?? "", @"^- .+, .+: http://localhost/demo/products/", System.Text.RegularExpressions.RegexOptions.Multiline));
    }

    [Fact]
    public async Task ACatalogueThatHangs_GivesAnEmailOnTimeWithoutTheBlock()
    {
        var catalogue = new HangingCatalogue();
        using var app = new CartRecoveryAppFactory(services: s => s.RemoveAll<IRelatedProductSource>().AddSingleton<IRelatedProductSource>(catalogue));

        var (email, message) = await FirstEmailAsync(app, async drive =>
        {
            await catalogue.Asked.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            drive.Advance(TimeSpan.FromSeconds(2));
        });

        Assert.Equal(MessageStatus.Sent, message.Status);
        Assert.True(message.SentAt - message.DueAt <= TimeSpan.FromSeconds(2), $"sent {message.SentAt - message.DueAt} late");
        Assert.DoesNotContain("You may also like", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Ridgeline Down Jacket", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACatalogueThatFails_GivesAnEmailWithoutTheBlock()
    {
        using var app = new CartRecoveryAppFactory(services: s => s.RemoveAll<IRelatedProductSource>().AddSingleton<IRelatedProductSource>(new FailingCatalogue()));

        var (email, message) = await FirstEmailAsync(app);

        Assert.Equal(MessageStatus.Sent, message.Status);
        Assert.DoesNotContain("You may also like", email.HtmlBody, StringComparison.Ordinal);
    }

    private sealed class HangingCatalogue : IRelatedProductSource
    {
        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Platform => Platforms.Demo;

        public Task<IReadOnlyList<RelatedProduct>> GetAsync(Store store, string productId, CancellationToken ct)
        {
            Asked.TrySetResult();
            return new TaskCompletionSource<IReadOnlyList<RelatedProduct>>().Task;
        }
    }

    private sealed class FailingCatalogue : IRelatedProductSource
    {
        public string Platform => Platforms.Demo;

        public Task<IReadOnlyList<RelatedProduct>> GetAsync(Store store, string productId, CancellationToken ct) =>
            throw new HttpRequestException("502 Bad Gateway");
    }
}
