using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Pages.Dashboard;

/// <summary>
/// A shop's own calendar: which day an instant falls on in the shop's time zone (<see cref="Store.ResolveTimeZone"/>),
/// and when a local day starts. The dashboard counts every shop's figures by its own days.
/// </summary>
internal sealed class ShopDays(Store store)
{
    private readonly TimeZoneInfo _zone = store.ResolveTimeZone();

    public Store Store { get; } = store;

    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    /// <summary>The instant <paramref name="day"/> starts in the shop; where a clock change skips midnight, the first valid minute.</summary>
    public DateTimeOffset Start(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (_zone.IsInvalidTime(local))
            local = local.AddMinutes(15);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
