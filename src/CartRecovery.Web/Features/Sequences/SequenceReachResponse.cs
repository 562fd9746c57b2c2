using CartRecovery.Core.Sequences;

namespace CartRecovery.Web.Features.Sequences;

/// <summary>
/// <c>GET /api/stores/{id}/sequences/reach</c>: of the carts abandoned since <see cref="Since"/> (newest
/// <see cref="SequenceReachCheck.MaxCarts"/> at most), how many each active sequence would take and how many none would;
/// <see cref="Warning"/> says so when the store's own sequences take none of them, so nothing is sent.
/// </summary>
internal sealed record SequenceReachResponse(DateTimeOffset Since, int Carts, IReadOnlyList<SequenceReachResponse.SequenceCount> Sequences,
    int Unmatched, string? Warning)
{
    public sealed record SequenceCount(long SequenceId, int Carts);

    public static SequenceReachResponse From(SequenceReach reach)
    {
        ArgumentNullException.ThrowIfNull(reach);
        var warning = reach.SendsNothing
            ? $"None of the store's active sequences matches any of its {reach.Considered} carts abandoned in the last 30 days: nothing is being sent. Loosen a sequence's conditions, or deactivate them all to use the preset."
            : null;
        return new(reach.Since, reach.Considered, reach.BySequence.Select(p => new SequenceCount(p.Key, p.Value)).OrderBy(c => c.SequenceId).ToList(),
            reach.Unmatched, warning);
    }
}
