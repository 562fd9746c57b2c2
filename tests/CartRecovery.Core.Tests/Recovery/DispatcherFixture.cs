using CartRecovery.Core.CrossSell;
using CartRecovery.Core.Billing;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Restore;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Storefronts;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Suppression;
using CartRecovery.Core.Tasks;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CartRecovery.Core.Tests.Recovery;

/// <summary>A <see cref="MessageDispatcher"/> over mocked ports, with one claimed message for one abandoned cart.</summary>
internal sealed class DispatcherFixture
{
    public Mock<IMessageRepository> Messages { get; } = new();
    public Mock<ICartRepository> Carts { get; } = new();
    public Mock<IStoreRepository> Stores { get; } = new();
    public Mock<ISuppressionList> Suppressions { get; } = new();
    public Mock<IFollowUpTaskRepository> Tasks { get; } = new();
    public Mock<IStorePolicyRepository> Policies { get; } = new();
    /// <summary>Every customer is on their first visit unless a test says otherwise.</summary>
    public Mock<ICustomerHistory> History { get; } = new();
    public Mock<IStorefront> Storefront { get; } = new();
    public Mock<IEmailComposer> Composer { get; } = new();
    public Mock<IEmailTransport> Transport { get; } = new();
    public FakeTimeProvider Time { get; } = new(TestData.Now);
    public RecoveryOptions Options { get; } = new() { PublicBaseUrl = new("https://recover.example/") };
    public List<EmailMessage> Sent { get; } = [];
    public List<EmailModel> Composed { get; } = [];
    /// <summary>Off, as on a self-hosted deployment; tests of plan limits turn it on and add plans.</summary>
    public BillingOptions Billing { get; } = new();
    public Mock<ISubscriptionRepository> Subscriptions { get; } = new();
    /// <summary>Texts on, from a French number, customers who opted in only; Sample carts have no phone until a test gives one.</summary>
    public Mock<ISmsSettingsRepository> SmsSettings { get; } = new();
    public Mock<ISmsSuppressionList> SmsSuppressions { get; } = new();
    public Mock<ISmsComposer> SmsComposer { get; } = new();
    public Mock<ISmsTransport> SmsTransport { get; } = new();
    public List<SmsMessage> Texts { get; } = [];
    /// <summary>Suppressed (store, trimmed lower-case address) pairs; none by default.</summary>
    public HashSet<(long StoreId, string Email)> Suppressed { get; } = [];
    /// <summary>Emails the cap group already sent to each trimmed lower-case address; none by default.</summary>
    public Dictionary<string, int> AlreadySent { get; } = [];

    public void EmailsAlreadySent(string email, int count) => AlreadySent[email] = count;

    public DispatcherFixture(OutboundMessage message, Cart? cart = null)
    {
        Messages.Setup(m => m.ClaimDueAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([message]);
        // A batch's suppressions and frequency-cap counts are read together: from Suppressed and AlreadySent.
        Suppressions.Setup(s => s.SuppressedAmongAsync(It.IsAny<long>(), It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((long storeId, IReadOnlyCollection<string> emails, CancellationToken _) =>
                (IReadOnlySet<string>)emails.Where(e => Suppressed.Contains((storeId, e))).ToHashSet());
        Suppressions.Setup(s => s.IsSuppressedAsync(It.IsAny<long>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((long storeId, string email, CancellationToken _) => Suppressed.Contains((storeId, email.Trim().ToLowerInvariant())));
        Messages.Setup(m => m.CountEmailsSentAsync(It.IsAny<IReadOnlyCollection<long>>(), It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IReadOnlyCollection<long> _, IReadOnlyCollection<string> emails, DateTimeOffset _, CancellationToken _) =>
                (IReadOnlyDictionary<string, int>)emails.Where(AlreadySent.ContainsKey).ToDictionary(e => e, e => AlreadySent[e]));
        Messages.Setup(m => m.ClaimExpiredAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([]);
        Messages.Setup(m => m.MarkSentAsync(message.Id, It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);
        Messages.Setup(m => m.MarkCancelledAsync(message.Id, It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        // The cart's messages: this one alone unless a test plans more (the first email step asks why the customer left).
        Messages.Setup(m => m.ListForCartAsync(It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((long cartId, CancellationToken _) => cartId == message.CartId ? [message] : []);
        Carts.Setup(c => c.GetAsync(message.CartId, It.IsAny<CancellationToken>())).ReturnsAsync(cart ?? Sample.Cart(message.CartId));
        // A batch's first email steps are read together: from the cart's messages as each test sets them up.
        Messages.Setup(m => m.FirstEmailStepsAsync(It.IsAny<IReadOnlyCollection<long>>(), It.IsAny<CancellationToken>()))
            .Returns(async (IReadOnlyCollection<long> ids, CancellationToken token) =>
            {
                var steps = new Dictionary<long, int>();
                foreach (var id in ids)
                {
                    if ((await Messages.Object.ListForCartAsync(id, token)).Where(m => m.Kind == StepKind.Email).MinBy(m => m.Step) is { } first)
                        steps[id] = first.Step;
                }
                return (IReadOnlyDictionary<long, int>)steps;
            });
        // A batch's carts are read together: as each test sets them up one by one.
        Carts.Setup(c => c.GetManyAsync(It.IsAny<IReadOnlyCollection<long>>(), It.IsAny<CancellationToken>()))
            .Returns(async (IReadOnlyCollection<long> ids, CancellationToken token) =>
                (IReadOnlyList<Cart>)[.. (await Task.WhenAll(ids.Select(id => Carts.Object.GetAsync(id, token)))).OfType<Cart>()]);
        Stores.Setup(s => s.GetAsync(message.StoreId, It.IsAny<CancellationToken>())).ReturnsAsync(TestData.Store(message.StoreId));
        Policies.Setup(p => p.GetAsync(It.IsAny<long>(), It.IsAny<CancellationToken>())).ReturnsAsync(SendingPolicy.Default);
        Policies.Setup(p => p.CapGroupAsync(It.IsAny<long>(), It.IsAny<CancellationToken>())).ReturnsAsync((long id, CancellationToken _) => [id]);
        History.Setup(h => h.OfferHistoryAsync(It.IsAny<Cart>(), It.IsAny<IReadOnlyList<long>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(CustomerOfferHistory.FirstVisit);
        Storefront.SetupGet(s => s.Platform).Returns(Platforms.Demo);
        Storefront.Setup(s => s.CheckCartAsync(It.IsAny<Store>(), It.IsAny<Cart>(), It.IsAny<CancellationToken>())).ReturnsAsync(StorefrontCartState.Open);
        Composer.Setup(c => c.ComposeAsync(It.IsAny<EmailModel>(), It.IsAny<CancellationToken>()))
            .Callback((EmailModel m, CancellationToken _) => Composed.Add(m))
            .ReturnsAsync((EmailModel m, CancellationToken _) => new EmailContent("Subject", $"<a href=\"{m.RestoreUrl}\">back</a>", m.RestoreUrl));
        SmsSettings.Setup(s => s.GetAsync(It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SmsSettings { Enabled = true, Country = "FR", FromNumber = "+33639980000" });
        SmsComposer.Setup(c => c.ComposeAsync(It.IsAny<SmsModel>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((SmsModel m, CancellationToken _) => $"{m.Store.Name}: your cart {m.ShortUrl}\nReply STOP to opt out");
        SmsTransport.Setup(t => t.SendAsync(It.IsAny<SmsMessage>(), It.IsAny<CancellationToken>()))
            .Callback((SmsMessage m, CancellationToken _) => Texts.Add(m))
            .ReturnsAsync(new SmsReceipt("SM-1", "queued", 1));
        Transport.Setup(t => t.SendAsync(It.IsAny<EmailMessage>(), It.IsAny<CancellationToken>()))
            .Callback((EmailMessage e, CancellationToken _) => Sent.Add(e))
            .ReturnsAsync("provider-1");
    }

    public MessageDispatcher Create() => new(
        Messages.Object, Carts.Object, Stores.Object, Suppressions.Object,
        new OptOut(Suppressions.Object, Time, NullLogger<OptOut>.Instance), Tasks.Object,
        new StorefrontRegistry([Storefront.Object]), Composer.Object, Transport.Object,
        new SmsSending(SmsSettings.Object, SmsSuppressions.Object, new SmsOptOuts(SmsSuppressions.Object, Time), SmsComposer.Object,
            SmsTransport.Object, new ShortLinks(new ShortLinkSigner(new byte[32]), Options), Time),
        new LinkBuilder(new LinkTokenSigner(new byte[32]), Options), new SendingRules(Policies.Object, Messages.Object,
            new PlanGate(Billing, Subscriptions.Object, Messages.Object, [], Time), Options, Time, History.Object),
        new RelatedProducts(RelatedSources, Time), Options, Time, NullLogger<MessageDispatcher>.Instance);

    /// <summary>The platforms' related products; none by default (no block in the email).</summary>
    public List<IRelatedProductSource> RelatedSources { get; } = [];
}
