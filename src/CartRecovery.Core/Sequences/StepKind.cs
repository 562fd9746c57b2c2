namespace CartRecovery.Core.Sequences;

public enum StepKind
{
    /// <summary>Send an email to the customer.</summary>
    Email = 0,
    /// <summary>Hand the cart to a person on the merchant's team (the hybrid approach).</summary>
    FollowUpTask = 1,
}
