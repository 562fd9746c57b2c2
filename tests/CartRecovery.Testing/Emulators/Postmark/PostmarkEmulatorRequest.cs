namespace CartRecovery.Testing.Emulators.Postmark;

/// <summary>One HTTP request the emulator received, with what it answered.</summary>
public sealed record PostmarkEmulatorRequest(
    string Method,
    string Path,
    int Status,
    string? ServerToken,
    string? ContentType,
    string? Accept,
    string Body,
    string ResponseBody);
