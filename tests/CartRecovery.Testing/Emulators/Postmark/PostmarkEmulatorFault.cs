namespace CartRecovery.Testing.Emulators.Postmark;

/// <summary>A queued answer for the next request: a failure status with its body, and/or a delay before answering.</summary>
internal sealed record PostmarkEmulatorFault(int Status, string Body, TimeSpan Delay);
