namespace CartRecovery.Core.Reasons;

/// <summary>
/// How a reason reads to the customer, in the languages the emails are written in (the email's links and the page they
/// land on say it the same way): French for a French locale ("fr", "fr-CA"), English for everyone else.
/// </summary>
public static class LeaveReasonWords
{
    private static readonly Dictionary<LeaveReason, string> English = new()
    {
        [LeaveReason.ShippingCost] = "Shipping cost",
        [LeaveReason.TotalPrice] = "The total price",
        [LeaveReason.PaymentProblem] = "A problem with payment",
        [LeaveReason.NeededMoreTime] = "I need more time",
        [LeaveReason.Comparing] = "I'm comparing shops",
        [LeaveReason.JustLooking] = "Just looking",
        [LeaveReason.Other] = "Something else",
    };

    private static readonly Dictionary<LeaveReason, string> French = new()
    {
        [LeaveReason.ShippingCost] = "Les frais de livraison",
        [LeaveReason.TotalPrice] = "Le prix total",
        [LeaveReason.PaymentProblem] = "Un problème de paiement",
        [LeaveReason.NeededMoreTime] = "J'ai besoin de temps",
        [LeaveReason.Comparing] = "Je compare les boutiques",
        [LeaveReason.JustLooking] = "Je regardais seulement",
        [LeaveReason.Other] = "Autre chose",
    };

    public static bool IsFrench(string? locale) =>
        locale?.Trim().Split('-', '_')[0].Equals("fr", StringComparison.OrdinalIgnoreCase) == true;

    public static string Label(LeaveReason reason, string? locale) => (IsFrench(locale) ? French : English)[reason];
}
