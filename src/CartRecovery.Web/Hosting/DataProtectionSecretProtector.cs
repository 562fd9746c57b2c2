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
        services.AddDataProtection()
            .SetApplicationName("CartRecovery")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(keys)));
        services.AddSingleton<ISecretProtector, DataProtectionSecretProtector>();
        return services;
    }
}
