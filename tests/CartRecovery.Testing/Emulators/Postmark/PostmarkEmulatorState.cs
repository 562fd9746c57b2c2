namespace CartRecovery.Testing.Emulators.Postmark;

/// <summary>Everything the emulator remembers; all access goes through <see cref="Gate"/>.</summary>
internal sealed class PostmarkEmulatorState
{
    public object Gate { get; } = new();

    public List<PostmarkEmulatorMessage> Messages { get; } = [];

    public List<PostmarkEmulatorRequest> Requests { get; } = [];

    public List<PostmarkWebhookDelivery> Webhooks { get; } = [];

    public Queue<PostmarkEmulatorFault> Faults { get; } = new();

    public HashSet<string> InactiveRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);
}
