namespace CartRecovery.Core.Sequences;

/// <summary>The channel of a step. Each value has its sender in the dispatcher.</summary>
public enum StepKind
{
    /// <summary>Send an email to the customer.</summary>
    Email = 0,
    /// <summary>Hand the cart to a person on the merchant's team (the hybrid approach).</summary>
    FollowUpTask = 1,
    /// <summary>Send a text message to the customer's mobile number (only with SMS consent, inside the quiet-hours window).</summary>
    Sms = 2,
}
