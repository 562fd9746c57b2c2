using System.Net.Mail;

namespace CartRecovery.Core.Accounts;

/// <summary>A person's email address as the app takes it in: one plain address, kept trimmed and lower-case.</summary>
public static class PersonEmail
{
    /// <summary>One plain address (no display name), at most 254 characters; surrounding spaces are ignored.</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= 254 && MailAddress.TryCreate(value.Trim(), out var parsed) && parsed.Address == value.Trim();

    /// <summary>The form people are stored and found by.</summary>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }
}
