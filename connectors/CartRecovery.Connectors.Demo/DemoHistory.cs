using System.Globalization;
using CartRecovery.Core;
using CartRecovery.Core.Attribution;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messages;
using CartRecovery.Core.Metrics;
using CartRecovery.Core.Reasons;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Core.Tasks;
using Microsoft.Extensions.Options;

namespace CartRecovery.Connectors.Demo;

/// <summary>
/// Gives a new demo store about two months of past life, so the dashboard, the carts, the follow-ups and the portfolio
/// have something to show on the first visit: carts captured and abandoned, the standard sequence's emails sent,
/// opened and clicked, orders recovered (or placed without help), a few follow-up tasks, reasons some customers gave.
/// Those two months ran the shop's own sequence "<see cref="SequenceName"/>" with a control group of
/// <see cref="HoldOutPercent"/> % (held-out carts get nothing and buy less often), so the dashboard shows what the emails
/// really added; the sequence is switched off at the end so the live demo runs the quick demo preset. Written through the same
/// stores the live app uses (merge, abandon with a plan, claim and mark sent, delivery/open/click reports, conversion
/// with the attribution policy), with the event times of the past; deterministic from <c>Demo:Seed</c>; written once.
/// </summary>
public sealed class DemoHistory(
    ICartRepository carts,
    IMessageRepository messages,
    IFollowUpTaskRepository tasks,
    ISequenceRepository sequences,
    ILeaveReasonRepository reasons,
    IMetricsRollup rollup,
    RecoveryOptions recovery,
    IOptions<DemoOptions> options)
{
    /// <summary>Days of history before today.</summary>
    public const int Days = 60;

    /// <summary>The sequence the history ran, and the share of its carts it held out to measure the lift.</summary>
    public const string SequenceName = "Alpine recovery";
    public const int HoldOutPercent = 25;

    private const string Claimer = "demo-history";
    // Worded as the follow-up page records them (its outcome buttons' English labels).
    private static readonly string[] Outcomes = ["Reached", "No answer", "Not interested"];

    // The reasons the history's customers give, shipping cost most often (as merchants report it).
    private static readonly LeaveReason[] GivenReasons =
    [
        LeaveReason.ShippingCost, LeaveReason.NeededMoreTime, LeaveReason.ShippingCost, LeaveReason.TotalPrice, LeaveReason.Comparing,
        LeaveReason.ShippingCost, LeaveReason.JustLooking, LeaveReason.TotalPrice, LeaveReason.PaymentProblem, LeaveReason.Other,
    ];

    /// <summary>The external id of the first history cart; its presence means the history was written.</summary>
    public static string CartId(int number) => "history-" + number.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Writes the history unless it is there already. Returns how many carts were written.</summary>
    public async Task<int> EnsureAsync(Store store, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await carts.FindAsync(store.Id, CartId(1), ct) is not null)
            return 0;
        var random = new Random(options.Value.Seed ?? 2026);
        var first = now.UtcDateTime.Date.AddDays(-Days);
        var sequence = await sequences.CreateAsync(store.Id, SequencePresets.Standard with { Name = SequenceName, HoldOutPercent = HoldOutPercent },
            new DateTimeOffset(first, TimeSpan.Zero), ct);
        var number = 0;
        for (var day = 0; day < Days; day++)
        {
            // A little more traffic on weekends and a slow climb over the two months: enough carts for the control group
            // to give an estimate (100 held-out carts at least).
            var date = first.AddDays(day);
            var count = 5 + random.Next(6) + (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 3 : 0) + day / 15;
            for (var i = 0; i < count; i++)
            {
                var arrived = new DateTimeOffset(date, TimeSpan.Zero).AddMinutes(7 * 60 + random.Next(15 * 60));
                if (arrived >= now)
                    continue;
                await PlayCartAsync(store, sequence, ++number, arrived, now, random, ct);
            }
        }
        await sequences.DeactivateAsync(store.Id, sequence.Id, now, ct);
        for (var day = DateOnly.FromDateTime(first); day <= DateOnly.FromDateTime(now.UtcDateTime); day = day.AddDays(1))
            await rollup.RollUpDayAsync(day, now, ct);
        return number;
    }

    private async Task PlayCartAsync(Store store, StoreSequence sequence, int number, DateTimeOffset arrived, DateTimeOffset now, Random random,
        CancellationToken ct)
    {
        var externalId = CartId(number);
        var person = DemoPeople.Pick(number, random);
        var email = person.Email(number);
        var lines = Lines(store, person.Locale, random);
        var total = lines.Sum(l => l.LineTotalMinor);
        var restoreUrl = new Uri(new Uri(store.StorefrontUrl), $"cart/{externalId}").AbsoluteUri;
        var snapshot = new CartSnapshot(store.Id, externalId, new CartContact(email, FirstName: person.FirstName, LastName: person.LastName, Locale: person.Locale, AcceptsMarketing: true, Country: person.Country),
            lines, store.Currency, total, total, restoreUrl, arrived, arrived);
        var cart = (await carts.UpsertAsync(snapshot, arrived, ct)).Cart;

        // One in six buys before the cart counts as abandoned.
        if (random.Next(6) == 0)
        {
            await ConvertAsync(cart, total, arrived.AddMinutes(5 + random.Next(10)), ct);
            return;
        }
        var abandonedAt = arrived.AddMinutes(15);
        var held = ControlGroup.IsControl(sequence.Id, cart.Id, HoldOutPercent);
        var plan = held ? [] : SequencePlanner.Plan(cart.Id, sequence, abandonedAt).Where(m => m.DueAt < now).ToList();
        if (!await carts.AbandonAsync(cart.Id, abandonedAt, plan, ct))
            return;
        await carts.RecordSequenceAsync(cart.Id, sequence.Id, sequence.Version, held, ct);
        await carts.AddEventAsync(new(cart.Id, abandonedAt, CartEventKinds.Abandoned, TimelineEntry.Of(held ? TimelineCodes.HeldOut : TimelineCodes.Enrolled,
            TimelineArg.Of(sequence.Definition.Name), TimelineArg.Of(sequence.Id), TimelineArg.Of(sequence.Version))), ct);
        if (held)
        {
            // Without a message, one in nine comes back on their own within three days.
            var orderedAt = abandonedAt.AddHours(2 + random.Next(70));
            if (random.Next(9) == 0 && orderedAt < now)
                await ConvertAsync(cart, total, orderedAt, ct);
            return;
        }

        // What this shopper will do: come back through a step's link, come back after the offer on their own, or not.
        var comesBackAtStep = random.Next(100) switch { < 14 => 1, < 24 => 2, < 28 => 3, _ => 0 };
        foreach (var planned in (await messages.ListForCartAsync(cart.Id, ct)).OrderBy(m => m.Step))
        {
            if (!await SendAsync(cart, planned, email, ct))
                continue;
            var opened = planned.Kind == StepKind.Email && (comesBackAtStep == planned.Step || random.Next(100) < 45);
            var clicked = opened && (comesBackAtStep == planned.Step || random.Next(100) < 15);
            // One in four who open the first email and do not come back answer its question (no draw: the rest of the
            // history stays as it was).
            if (opened && planned.Step == 1 && comesBackAtStep == 0 && number % 4 == 1 && planned.DueAt.AddMinutes(42) < now)
                await GiveReasonAsync(cart, planned, GivenReasons[number / 4 % GivenReasons.Length], planned.DueAt.AddMinutes(42), ct);
            if (planned.Kind == StepKind.Email)
            {
                await messages.RecordDeliveredAsync(planned.Id, planned.DueAt.AddSeconds(20), ct);
                if (opened && planned.DueAt.AddMinutes(40) < now)
                    await messages.RecordOpenAsync(planned.Id, planned.DueAt.AddMinutes(40), ct);
                if (clicked && planned.DueAt.AddMinutes(45) < now)
                {
                    await messages.RecordClickAsync(planned.Id, planned.DueAt.AddMinutes(45), ct);
                    await carts.AddEventAsync(new(cart.Id, planned.DueAt.AddMinutes(45), CartEventKinds.Clicked,
                        TimelineEntry.Of(TimelineCodes.Clicked, TimelineArg.Of(planned.Step)), planned.Id), ct);
                }
            }
            else
            {
                await OpenTaskAsync(cart, planned, email, total, random, now, ct);
            }
            if (comesBackAtStep == planned.Step && planned.DueAt.AddHours(1) < now)
            {
                // Some recovered orders add an item while back in the shop.
                await ConvertAsync(cart, total + (random.Next(4) == 0 ? 2900 : 0), planned.DueAt.AddHours(1), ct);
                return;
            }
        }
    }

    // The history's messages are already played: the reason is recorded with the plan that changes nothing.
    private async Task GiveReasonAsync(Cart cart, OutboundMessage planned, LeaveReason reason, DateTimeOffset at, CancellationToken ct)
    {
        var plan = ReasonBranching.Plan(LeaveReason.Other, [], at);
        var entry = TimelineEntry.Of(TimelineCodes.ReasonGiven, TimelineArg.Of(TimelineCodes.Leave(reason)), TimelineArg.Of(plan.Timeline));
        await reasons.RecordAsync(new GivenReason(cart.StoreId, cart.Id, planned.Id, reason, at), plan,
            new CartEvent(cart.Id, at, CartEventKinds.ReasonGiven, entry, planned.Id), ct);
    }

    private static List<CartLine> Lines(Store store, string language, Random random)
    {
        // Distinct products, so a cart never holds two lines of one variant.
        var count = 1 + (random.Next(3) == 0 ? 1 : 0) + (random.Next(6) == 0 ? 1 : 0);
        return DemoCatalog.Products.OrderBy(_ => random.Next()).Take(count).Select(product => DemoCartLines.Line(new Uri(store.StorefrontUrl), product,
            product.Variants[random.Next(product.Variants.Count)], language, 1 + (random.Next(8) == 0 ? 1 : 0))).ToList();
    }

    /// <summary>Claims the message at its due time and marks it sent then, as the dispatcher does; false if it was not claimable.</summary>
    private async Task<bool> SendAsync(Cart cart, OutboundMessage planned, string email, CancellationToken ct)
    {
        var claimed = await messages.ClaimDueAsync(Claimer, planned.DueAt, TimeSpan.FromMinutes(1), 100, ct);
        // Only this cart's step is ours to send; anything else that fell due by then goes back as it was.
        foreach (var other in claimed.Where(m => m.Id != planned.Id))
            await messages.ReleaseAsync(other.Id, Claimer, other.DueAt, ct);
        if (!claimed.Any(m => m.Id == planned.Id))
            return false;
        var isEmail = planned.Kind == StepKind.Email;
        if (!await messages.MarkSentAsync(planned.Id, Claimer, isEmail ? email : null, isEmail ? $"demo-history-{planned.Id}" : null, planned.DueAt, ct))
            return false;
        await carts.AddEventAsync(new(cart.Id, planned.DueAt, isEmail ? CartEventKinds.MessageSent : CartEventKinds.TaskCreated,
            TimelineEntry.Of(isEmail ? TimelineCodes.StepSent : TimelineCodes.TaskCreated, TimelineArg.Of(planned.Step)), planned.Id), ct);
        return true;
    }

    private async Task OpenTaskAsync(Cart cart, OutboundMessage planned, string email, long total, Random random, DateTimeOffset now, CancellationToken ct)
    {
        var task = await tasks.CreateAsync(new FollowUpTask
        {
            StoreId = cart.StoreId, CartId = cart.Id, MessageId = planned.Id, CreatedAt = planned.DueAt,
            Summary = $"Follow up with {email} about a cart of {Money.Format(total, cart.Currency)} ({cart.Lines.Count} lines)",
        }, ct);
        // Older tasks were worked; the last few days' stay open in the queue.
        if (planned.DueAt < now.AddDays(-4))
            await tasks.CompleteAsync(task.Id, Outcomes[random.Next(Outcomes.Length)], planned.DueAt.AddHours(3), ct);
    }

    private async Task ConvertAsync(Cart cart, long total, DateTimeOffset orderedAt, CancellationToken ct)
    {
        var sent = await messages.ListForCartAsync(cart.Id, ct);
        var attribution = AttributionPolicy.Attribute(sent, orderedAt, recovery.AttributionWindow);
        var orderId = "demo-order-" + cart.ExternalId;
        if (await carts.ConvertAsync(new CartConversion(cart.Id, orderId, total, orderedAt, attribution), orderedAt, ct))
            await tasks.CloseForCartAsync(cart.Id, ct);
    }
}
