namespace CartRecovery.Testing.Emulators.Twilio;

/// <summary>A text the emulator accepted, as Twilio's Message resource describes it.</summary>
public sealed record TwilioEmulatorMessage(string Sid, string To, string? From, string? MessagingServiceSid, string Body,
    string Status, int Segments, Uri? StatusCallback);
