using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CartRecovery.Core.Security;
using CartRecovery.Data;
using Microsoft.AspNetCore.DataProtection;

namespace CartRecovery.Web.Hosting;

/// <summary>
/// Encrypts stored platform credentials with ASP.NET Core Data Protection (authenticated encryption, rotating keys).
/// The key ring lives in <c>{Storage:DataDirectory}/keys</c> unless <c>DataProtection:KeysDirectory</c> points
/// elsewhere; several nodes must share one key ring, and a lost key ring means reconnecting every store.
/// </summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    // The purpose string isolates these payloads from every other use of Data Protection in the app.
    private readonly IDataProtector _protector = provider.CreateProtector("CartRecovery.StoreCredentials.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedValue) => _protector.Unprotect(protectedValue);
}

internal static class SecretProtectionServiceCollectionExtensions
{
    public static IServiceCollection AddSecretProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var keys = configuration["DataProtection:KeysDirectory"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(storage.DataDirectory, "keys");
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("CartRecovery")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(keys)));
        // Without a certificate the keys lie on disk as plain XML (on Linux there is no DPAPI to wrap them): whoever
        // reads the folder can decrypt every stored credential. With one, each key is encrypted to it, and the same
        // certificate object decrypts them again.
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
            dataProtection.ProtectKeysWithCertificate(LoadCertificate(certificatePath, configuration["DataProtection:CertificatePassword"]));
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        return services;
    }

    /// <summary>A PKCS#12 (.pfx) file with its private key; a missing file, a wrong password or no private key stop the boot.</summary>
    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(Path.GetFullPath(path), password);
        }
        catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath '{path}' could not be loaded as a PKCS#12 file with DataProtection:CertificatePassword: {error.Message}", error);
        }
        if (!certificate.HasPrivateKey)
            throw new InvalidOperationException($"DataProtection:CertificatePath '{path}' has no private key; the key ring could not be read back.");
        return certificate;
    }
}
