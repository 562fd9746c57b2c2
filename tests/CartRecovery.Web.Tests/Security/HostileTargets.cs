using CartRecovery.Core.Stores;

namespace CartRecovery.Web.Tests.Security;

/// <summary>What exists in the attacked host: one tenant's things, and another tenant's to try across.</summary>
public sealed record HostileTargets
{
    public required Store OwnStore { get; init; }
    public required Store WooStore { get; init; }
    public required Store OtherStore { get; init; }
    public required long CartId { get; init; }
    public required string CartExternalId { get; init; }
    public required long MessageId { get; init; }
    public required long TaskId { get; init; }
    public required long OwnSequenceId { get; init; }
    public required long OtherSequenceId { get; init; }
    public required string RestoreToken { get; init; }
    public required string UnsubscribeToken { get; init; }
}
