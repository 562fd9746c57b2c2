using System.Security.Cryptography;

namespace CartRecovery.Web.Hosting;

/// <summary>
/// Zero-setup secrets: when a key is not configured, one is generated once into the data folder (owner-only file
/// permissions) and reused. Production configures keys through the environment instead; several nodes must share them.
/// </summary>
internal static class LocalSecrets
{
    /// <summary>The key's bytes.</summary>
    public static byte[] GetOrCreate(string dataDirectory, string name) => Convert.FromBase64String(GetOrCreateText(dataDirectory, name));

    /// <summary>The absolute path of the key file <paramref name="name"/>.</summary>
    public static string PathOf(string dataDirectory, string name) => Path.Combine(Path.GetFullPath(dataDirectory), "secrets", name);

    /// <summary>The key as stored in its file: base64 of 32 random bytes, as an operator copies it.</summary>
    public static string GetOrCreateText(string dataDirectory, string name)
    {
        var path = PathOf(dataDirectory, name);
        var directory = Path.GetDirectoryName(path)!;
        if (File.Exists(path))
            return File.ReadAllText(path).Trim();

        Directory.CreateDirectory(directory);
        var key = RandomNumberGenerator.GetBytes(32);
        var temp = path + ".tmp";
        File.WriteAllText(temp, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            // Two processes starting at once must end up with the same key: the first rename wins.
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
        return File.ReadAllText(path).Trim();
    }
}
