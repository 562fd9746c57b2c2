namespace CartRecovery.Testing.Emulators.WooCommerce;

/// <summary>A request the emulator received, as it arrived (path and raw query), with the status it answered.</summary>
public sealed record EmulatedRequest(string Method, string Path, string Query, string? Authorization, string Body, int StatusCode);
