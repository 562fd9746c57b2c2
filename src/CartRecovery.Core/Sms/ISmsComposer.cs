namespace CartRecovery.Core.Sms;

/// <summary>Renders a text step's template for a cart, in the customer's language.</summary>
public interface ISmsComposer
{
    /// <summary>The SMS template names a step may send (built-in; a store may override each per language).</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>
    /// The text as it goes out: it names the shop, carries the short link and ends with the opt-out mention of its
    /// language (<see cref="SmsOptOutMention"/>), whatever the template says.
    /// </summary>
    /// <exception cref="InvalidOperationException">The template is unknown or broken.</exception>
    Task<string> ComposeAsync(SmsModel model, CancellationToken ct);
}
