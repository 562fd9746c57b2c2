namespace CartRecovery.Core.Reasons;

/// <summary>
/// Why a customer left a cart, as they said it with one click (the first email's links or the capture script's exit
/// question). The numbers are stored; never renumber.
/// </summary>
public enum LeaveReason
{
    ShippingCost = 1,
    TotalPrice = 2,
    PaymentProblem = 3,
    NeededMoreTime = 4,
    Comparing = 5,
    JustLooking = 6,
    Other = 7,
}
