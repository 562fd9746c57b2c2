using CartRecovery.Core.Billing;
using CartRecovery.Core.Jobs;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Outbound;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Sms;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Suppression;
using CartRecovery.Core.FeedHealth;
using CartRecovery.Jobs.Connectors;
using CartRecovery.Jobs.FeedHealth;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Audit;
using CartRecovery.Web.Features.Billing;
using CartRecovery.Connectors.WooCommerce;
using CartRecovery.Web.Features.Sms;
using CartRecovery.Sms.Twilio;
using CartRecovery.Web.Features.Sequences;
using CartRecovery.Web.Features.Stores;
using CartRecovery.Web.Pages.Sequences;
using CartRecovery.Web.Pages.AppShell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using static CartRecovery.Web.Features.Stores.SendingPolicyEndpoints;

namespace CartRecovery.Web.Pages.Settings;

/// <summary>
/// <c>/app/settings</c>: one shop's settings in tabs — branding, sending policy, SMS, suppressions, the connection's health
/// with the capture snippet, and the plan. Every change goes through the rules and actions the API uses.
/// </summary>
internal sealed class IndexModel(WorkspaceLoader loader, IStringLocalizer<IndexModel> text, IStoreRepository stores, IStorePolicyRepository policies,
    ISuppressionList suppressions, StoreSending sending, IStoreActivity activity, IJobRunRepository jobRuns, IStoreCredentialRepository credentials,
    BillingOptions billing, PlanGate plans, OutboundOptions outbound, RecoveryOptions recovery, AuditTrail audit,
    SequenceReachCheck reach, TimeProvider time, ISmsSettingsRepository smsSettings, SmsSettingsChanges smsChanges, IOptions<TwilioOptions> twilio,
    StoreFeeds feeds, ISendLatencyQuery latency, IEnumerable<IExitQuestion> exitQuestions)
    : AppPageModel(loader)
{
    public static readonly string[] Tabs = ["branding", "sending", "sms", "suppressions", "health", "plan"];

    [BindProperty(SupportsGet = true)]
    public string? Tab { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty] public BrandingForm Branding { get; set; } = new();
    [BindProperty] public PolicyForm Policy { get; set; } = new();
    [BindProperty] public SmsForm Sms { get; set; } = new();
    [BindProperty] public string? SuppressEmail { get; set; }
    [BindProperty] public string? SuppressReason { get; set; }
    /// <summary>Whether the capture script asks shoppers why they leave (WooCommerce stores only).</summary>
    [BindProperty] public bool ExitQuestion { get; set; }

    public Store Shop { get; private set; } = null!;
    public IReadOnlyList<SuppressedAddress> Suppressed { get; private set; } = [];
    public StoreHealth Health { get; private set; } = null!;
    /// <summary>What the shop's own sequences let through lately; read on the health tab only (it replays enrolment).</summary>
    public SequenceReach? Reach { get; private set; }
    /// <summary>Each feed of the shop judged now (webhooks, polling, capture); read on the health tab only.</summary>
    public IReadOnlyList<FeedReport> Feeds { get; private set; } = [];
    /// <summary>How late the shop's messages went out over the last day; read on the health tab only.</summary>
    public SendLatency? Latency { get; private set; }
    public BillingDto? Plan { get; private set; }
    public string? CaptureSnippet { get; private set; }
    public SmsUrls SmsAddresses { get; private set; } = null!;
    /// <summary>The field errors of the form just posted, in the page's language, by form field name.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public override string Title => text["Settings"];

    public string CurrentTab => Tabs.Contains(Tab) ? Tab! : Tabs[0];

    public string TabLink(string tab) => QueryHelpers.AddQueryString(Link("/app/settings", Shop.Id), "tab", tab);

    public string PostTo(string handler) => QueryHelpers.AddQueryString(TabLink(CurrentTab), "handler", handler);

    public string? ErrorOf(string field) => Errors.GetValueOrDefault(field);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Choose())
            return NotFoundPage();
        await LoadAsync(fillForms: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostBrandingAsync(CancellationToken ct)
    {
        if (!Choose())
            return NotFoundPage();
        Tab = "branding";
        var request = new StoreSettingsEndpoint.StoreSettingsRequest(Branding.SenderEmail ?? "", Branding.SenderName ?? "", Branding.ReplyTo ?? "",
            Branding.LogoUrl ?? "", Branding.BrandColor ?? "", Branding.PostalAddress ?? "", null, null, null, null, null);
        var errors = StoreSettingsRules.Validate(request, outbound);
        if (errors.Count > 0)
        {
            foreach (var field in errors.Keys)
                Errors[field] = FieldMessage(field);
            await LoadAsync(fillForms: false, ct);
            return Page();
        }
        var updated = await stores.UpsertAsync(StoreSettingsRules.Apply(Shop, request), ct);
        await audit.RecordAsync(updated, "store.settings", StoreDto.From(Shop), StoreDto.From(updated), ct);
        return Saved("branding", "saved");
    }

    public async Task<IActionResult> OnPostPolicyAsync(CancellationToken ct)
    {
        if (!Choose())
            return NotFoundPage();
        Tab = "sending";
        var quiet = string.IsNullOrWhiteSpace(Policy.QuietStart) && string.IsNullOrWhiteSpace(Policy.QuietEnd)
            ? null
            : new QuietHoursDto(Policy.QuietStart?.Trim(), Policy.QuietEnd?.Trim());
        var request = new SendingPolicyDto(Policy.Account, new FrequencyCapDto(Policy.MaxEmails, Policy.WindowDays), quiet,
            Policy.MaxCartAgeHours, Policy.SubscribedOnly ? SubscribedOnly : All, Policy.RetentionDays,
            new OfferRulesDto(Policy.OfferCooldownDays, Policy.OfferFarmingAbandons, Policy.ReturningOffer(Shop.Currency)));
        var errors = SendingPolicyRules.Parse(request, out var policy);
        // A number the browser could not bind never reaches the rules: it is as wrong as one out of range.
        foreach (var key in ModelState.Keys.Where(k => ModelState[k]!.Errors.Count > 0 && k.StartsWith("Policy.", StringComparison.Ordinal)))
            errors[PolicyField(key["Policy.".Length..])] = ["invalid"];
        if (errors.Count > 0)
        {
            foreach (var field in errors.Keys)
                Errors[field] = FieldMessage(field);
            await LoadAsync(fillForms: false, ct);
            return Page();
        }
        var before = SendingPolicyDto.From(await policies.GetAsync(Shop.Id, ct));
        await policies.SaveAsync(Shop.Id, policy, time.GetUtcNow(), ct);
        await audit.RecordAsync(Shop, "policy.update", before, SendingPolicyDto.From(policy), ct);
        return Saved("sending", "saved");
    }

    public async Task<IActionResult> OnPostSmsAsync(CancellationToken ct)
    {
        if (!Choose())
            return NotFoundPage();
        Tab = "sms";
        var errors = SmsSettingsChanges.Parse(Sms.ToDto(), out var settings);
        foreach (var key in ModelState.Keys.Where(k => ModelState[k]!.Errors.Count > 0 && k.StartsWith("Sms.", StringComparison.Ordinal)))
            errors[SmsForm.FieldOf(key["Sms.".Length..])] = ["invalid"];
        if (errors.Count > 0)
        {
            foreach (var field in errors.Keys)
                Errors[field] = FieldMessage(field);
            await LoadAsync(fillForms: false, ct);
            return Page();
        }
        await smsChanges.SaveAsync(Shop, settings, ct);
        return Saved("sms", "saved");
    }

    public async Task<IActionResult> OnPostSuppressAsync(CancellationToken ct)
    {
        if (!Choose())
            return NotFoundPage();
        Tab = "suppressions";
        if (!ApiResults.IsEmail(SuppressEmail))
        {
            Errors["email"] = FieldMessage("email");
            await LoadAsync(fillForms: false, ct);
            return Page();
        }
        await sending.SuppressAsync(Shop, SuppressEmail!, SuppressReason, ct);
        return Saved("suppressions", "suppressed");
    }

    public async Task<IActionResult> OnPostLiftAsync(string? email, CancellationToken ct)
    {
        if (!Choose())
            return NotFoundPage();
        return email is { Length: > 0 } && await sending.LiftAsync(Shop, email, ct) ? Saved("suppressions", "lifted") : NotFoundPage();
    }

    private IExitQuestion? ExitQuestionOf(Store shop) => exitQuestions.FirstOrDefault(q => q.Platform == shop.Platform);

    public async Task<IActionResult> OnPostExitQuestionAsync(CancellationToken ct)
    {
        if (!Choose() || ExitQuestionOf(Shop) is not { } exitQuestion)
            return NotFoundPage();
        var before = await exitQuestion.IsOnAsync(Shop.Id, ct);
        await exitQuestion.SetAsync(Shop.Id, ExitQuestion, ct);
        await audit.RecordAsync(Shop, "store.exit-question", new { on = before }, new { on = ExitQuestion }, ct);
        return Saved("health", "saved");
    }

    public async Task<IActionResult> OnPostPauseAsync(CancellationToken ct)
    {
        if (!Choose())
            return NotFoundPage();
        await sending.PauseAsync(Shop, ct);
        return Saved("health", "paused");
    }

    public async Task<IActionResult> OnPostResumeAsync(CancellationToken ct)
    {
        if (!Choose())
            return NotFoundPage();
        await sending.ResumeAsync(Shop, ct);
        return Saved("health", "resumed");
    }

    /// <summary>The chosen shop, else the first; false when the account has no shop yet.</summary>
    private bool Choose()
    {
        var store = Workspace.StoreOrFirst;
        if (store is null)
            return false;
        Shop = store;
        return true;
    }

    private RedirectResult Saved(string tab, string done) =>
        Redirect(QueryHelpers.AddQueryString(TabLink(tab), "done", done));

    private static NotFoundPageResult NotFoundPage() => new();

    private async Task LoadAsync(bool fillForms, CancellationToken ct)
    {
        var policy = await policies.GetAsync(Shop.Id, ct);
        if (fillForms)
        {
            Branding = BrandingForm.From(Shop);
            Policy = PolicyForm.From(policy, Shop.Currency);
            Sms = SmsForm.From(await smsSettings.GetAsync(Shop.Id, ct));
        }
        SmsAddresses = SmsUrls.For(Shop, recovery, twilio);
        Suppressed = await suppressions.ListAsync(Shop.Id, ct);
        var seen = await activity.GetAsync(Shop.Id, ct);
        var poll = PollStoreJob.KeyFor(Shop.Id);
        var lastPoll = await jobRuns.ListAsync(poll.Group, poll.Name, 1, ct) is [var latest, ..] ? latest : null;
        var tokenExpiry = (await credentials.GetAsync(Shop.Id, ct))?.AccessTokenExpiresAt;
        Health = new StoreHealth(lastPoll, seen.LastWebhookAt, tokenExpiry, seen.LastCaptureAt, Shop.Platform == Platforms.WooCommerce);
        if (CurrentTab == "health")
        {
            Reach = await reach.CheckAsync(Shop.Id, ct);
            Feeds = await feeds.CheckAsync(Shop, null, ct);
            var now = time.GetUtcNow();
            Latency = await latency.GetAsync(Shop.Id, now - SendLatency.Window, now, ct);
        }
        if (Shop.Platform == Platforms.WooCommerce && Shop.PublicKey is { } key)
        {
            CaptureSnippet = WooCommerceConnectorEndpoints.CaptureSnippet(recovery.PublicBaseUrl, key);
        }
        if (ExitQuestionOf(Shop) is { } exitQuestion)
            ExitQuestion = await exitQuestion.IsOnAsync(Shop.Id, ct);
        if (billing.Enabled)
            Plan = await BillingEndpoints.DescribeAsync(Shop, billing, plans, ct);
    }

    /// <summary>The message beside a field whose rule broke (the API's field names; the rules are the API's).</summary>
    private string FieldMessage(string field) => field switch
    {
        "senderEmail" or "replyTo" or "email" => text["Enter an email address such as hello@example.com."],
        "senderName" => text["Enter 1 to 100 characters on one line."],
        "logoUrl" => text["Enter the https address of an image on a public site (or leave it empty)."],
        "brandColor" => text["Enter a colour as # and six hex digits, such as #1A73E8 (or leave it empty)."],
        "postalAddress" => text["Use at most 300 characters."],
        "account" => text["Use at most 100 characters."],
        "frequencyCap.maxEmails" => text["Enter a number from 0 (no cap) to 20."],
        "frequencyCap.windowDays" => text["Enter a number of days from 1 to 90."],
        "quietHours.start" or "quietHours.end" => text["Enter a time as HH:mm, such as 21:00."],
        "quietHours" => text["Quiet hours must end at another time than they start."],
        "maxCartAgeHours" => text["Enter a number of hours from 1 to 2160, or leave it empty."],
        "retentionDays" => text["Enter a number of days from 1 to 3650."],
        "offers.cooldownDays" => text["Enter a number of days from 0 (no pause) to 365."],
        "offers.farmingAbandons" => text["Enter a number of carts from 0 (off) to 20."],
        "offers.returningCustomerOffer.value" => text["Enter a percentage from 1 to 100, or an amount in the shop's currency."],
        "offers.returningCustomerOffer.validForHours" => text["Enter a number of hours from 1 to 8760."],
        "window" or "window.opens" or "window.closes" => text["Texts may go out between 08:00 and 20:00 only: enter times as HH:mm within those hours, opening before closing."],
        "maxParts" => text["Enter a number of parts from 1 to 10."],
        "messagingServiceSid" => text["Enter a Messaging Service SID: MG followed by 32 characters (or leave it empty)."],
        "fromNumber" => text["Enter a number such as +33757000000 or a sender name of up to 11 letters and digits; one of the two senders is needed to turn texts on."],
        "country" => text["Enter a two-letter country code in capitals, such as FR (or leave it empty)."],
        "consent" => text["Choose who may receive texts."],
        _ => text["Check this value."],
    };

    private static string PolicyField(string property) => property switch
    {
        nameof(PolicyForm.MaxEmails) => "frequencyCap.maxEmails",
        nameof(PolicyForm.WindowDays) => "frequencyCap.windowDays",
        nameof(PolicyForm.MaxCartAgeHours) => "maxCartAgeHours",
        nameof(PolicyForm.RetentionDays) => "retentionDays",
        nameof(PolicyForm.OfferCooldownDays) => "offers.cooldownDays",
        nameof(PolicyForm.OfferFarmingAbandons) => "offers.farmingAbandons",
        nameof(PolicyForm.ReturningOfferValue) => "offers.returningCustomerOffer.value",
        nameof(PolicyForm.ReturningOfferHours) => "offers.returningCustomerOffer.validForHours",
        _ => property,
    };

    public sealed class BrandingForm
    {
        public string? SenderName { get; set; }
        public string? SenderEmail { get; set; }
        public string? ReplyTo { get; set; }
        public string? LogoUrl { get; set; }
        public string? BrandColor { get; set; }
        public string? PostalAddress { get; set; }

        public static BrandingForm From(Store store) => new()
        {
            SenderName = store.SenderName, SenderEmail = store.SenderEmail, ReplyTo = store.ReplyTo, LogoUrl = store.LogoUrl,
            BrandColor = store.BrandColor, PostalAddress = store.PostalAddress,
        };
    }

    public sealed class PolicyForm
    {
        public int? MaxEmails { get; set; }
        public int? WindowDays { get; set; }
        public string? QuietStart { get; set; }
        public string? QuietEnd { get; set; }
        public int? MaxCartAgeHours { get; set; }
        public bool SubscribedOnly { get; set; }
        public int? RetentionDays { get; set; }
        public string? Account { get; set; }
        public int? OfferCooldownDays { get; set; }
        public int? OfferFarmingAbandons { get; set; }
        /// <summary>Empty: returning customers get the step's offer.</summary>
        public string? ReturningOfferKind { get; set; }
        /// <summary>A percentage, or an amount in the shop's currency (major units, as typed).</summary>
        public string? ReturningOfferValue { get; set; }
        public long? ReturningOfferHours { get; set; }

        internal OfferDto? ReturningOffer(string currency) => SequenceForm.Offer(ReturningOfferKind, ReturningOfferValue, ReturningOfferHours, currency);

        public static PolicyForm From(SendingPolicy policy, string currency)
        {
            var dto = SendingPolicyDto.From(policy);
            var returning = dto.Offers?.ReturningCustomerOffer;
            return new()
            {
                MaxEmails = dto.FrequencyCap?.MaxEmails, WindowDays = dto.FrequencyCap?.WindowDays, QuietStart = dto.QuietHours?.Start,
                QuietEnd = dto.QuietHours?.End, MaxCartAgeHours = dto.MaxCartAgeHours, SubscribedOnly = dto.Consent == SendingPolicyEndpoints.SubscribedOnly,
                RetentionDays = dto.RetentionDays, Account = dto.Account,
                OfferCooldownDays = dto.Offers?.CooldownDays, OfferFarmingAbandons = dto.Offers?.FarmingAbandons,
                ReturningOfferKind = returning?.Kind, ReturningOfferHours = returning?.ValidForHours,
                ReturningOfferValue = SequenceForm.OfferValue(returning, currency),
            };
        }
    }
}

/// <summary>What the health card shows: the last poll run, the last webhook, the token's expiry, the capture script's last post.</summary>
internal sealed record StoreHealth(JobRun? LastPoll, DateTimeOffset? LastWebhookAt, DateTimeOffset? TokenExpiresAt, DateTimeOffset? LastCaptureAt,
    bool UsesCaptureScript);
