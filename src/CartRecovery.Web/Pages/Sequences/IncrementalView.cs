using CartRecovery.Core.Attribution;

namespace CartRecovery.Web.Pages.Sequences;

/// <summary>
/// What <c>_IncrementalResults</c> shows: the lift against the control group (null when never held out), in the shop's
/// currency; <see cref="SequenceName"/> titles it where several sequences show (the dashboard).
/// </summary>
public sealed record IncrementalView(LiftEstimate? Estimate, int HoldOutPercent, string Currency, string? SequenceName = null);
