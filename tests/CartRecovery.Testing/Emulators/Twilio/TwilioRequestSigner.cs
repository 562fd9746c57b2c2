using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Testing.Emulators.Twilio;

/// <summary>
/// Signs a callback as Twilio does, written from the documentation rather than with the Twilio package, so the app's
/// check is tested against an independent implementation: base64(HMAC-SHA1(auth token, URL + each POST parameter's name
/// and value, sorted by name)).
/// </summary>
public static class TwilioRequestSigner
{
    public static string Sign(string authToken, string url, IEnumerable<KeyValuePair<string, string>> form)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
            data.Append(name).Append(value);
#pragma warning disable CA5350 // Twilio's signature is HMAC-SHA1 by definition; the emulator must produce exactly it.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }
}
