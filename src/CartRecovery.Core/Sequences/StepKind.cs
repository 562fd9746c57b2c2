namespace CartRecovery.Core.Sequences;

/// <summary>The channel of a step. A new channel (SMS) is a new value here plus its sender in the dispatcher.</summary>
public enum StepKind
{
    /// <summary>Send an email to the customer.</summary>
    Email = 0,
    /// <summary>Hand the cart to a person on the merchant's team (the hybrid approach).</summary>
    FollowUpTask = 1,
}
