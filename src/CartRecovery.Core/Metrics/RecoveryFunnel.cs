namespace CartRecovery.Core.Metrics;

/// <summary>
/// The carts abandoned in a period and how far they went: messaged (at least one email or text sent), clicked (a restore
/// link followed), recovered (an order credited to a step). Each count is a subset of the carts counted before it, except
/// that a recovered order may come without a click.
/// </summary>
public sealed record RecoveryFunnel(long Abandoned, long Messaged, long Clicked, long Recovered)
{
    /// <summary>Of the messaged carts, those that got at least one text: when none did, "messaged" means "emailed".</summary>
    public long Texted { get; init; }

    public static readonly RecoveryFunnel Empty = new(0, 0, 0, 0);

    /// <summary>Recovered carts over abandoned carts, 0 when nothing was abandoned.</summary>
    public double RecoveryRate => Abandoned == 0 ? 0 : (double)Recovered / Abandoned;
}
