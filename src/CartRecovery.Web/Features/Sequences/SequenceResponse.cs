using CartRecovery.Core.Sequences;

namespace CartRecovery.Web.Features.Sequences;

/// <summary>One version of a store's sequence as the admin API shows it (the same shape a PUT takes, plus identity).</summary>
internal sealed record SequenceResponse(long Id, long StoreId, int Version, bool Active, string Name, int Priority,
    ConditionsDto Conditions, IReadOnlyList<StepDto> Steps, DateTimeOffset CreatedAt, int HoldOutPercent)
{
    public static SequenceResponse From(StoreSequence s) => new(s.Id, s.StoreId, s.Version, s.Active, s.Definition.Name,
        s.Definition.Priority, ConditionsDto.From(s.Definition.Conditions), s.Definition.Steps.Select(StepDto.From).ToList(), s.CreatedAt,
        s.Definition.HoldOutPercent);
}
