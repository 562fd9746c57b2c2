using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CartRecovery.Core.Security;

namespace CartRecovery.Web.Tests.Hosting;

/// <summary>Issue 11: the Data Protection key ring can be encrypted to a certificate, so the keys folder alone reveals nothing.</summary>
public sealed class DataProtectionCertificateTests : IDisposable
{
    private const string Password = "pfx-test-password";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cartrecovery-tests", "dp-" + Guid.NewGuid().ToString("N"));

    public DataProtectionCertificateTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    [Fact]
    public void KeyRing_WithACertificateSet_IsEncryptedOnDiskAndStillDecrypts()
    {
        var keys = Path.Combine(_folder, "keys");
        using var app = new CartRecoveryAppFactory(settings: new Dictionary<string, string?>
        {
            ["DataProtection:KeysDirectory"] = keys,
            ["DataProtection:CertificatePath"] = SelfSignedPfx(),
            ["DataProtection:CertificatePassword"] = Password,
        });

        var protector = app.Service<ISecretProtector>();
        var stored = protector.Protect("shpat_secret-token");

        var xml = string.Concat(Directory.GetFiles(keys, "*.xml").Select(File.ReadAllText));
        Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        Assert.Equal("shpat_secret-token", protector.Unprotect(stored));
    }

    [Fact]
    public void KeyRing_WithoutACertificate_IsPlainXml()
    {
        var keys = Path.Combine(_folder, "keys");
        using var app = new CartRecoveryAppFactory(settings: new Dictionary<string, string?> { ["DataProtection:KeysDirectory"] = keys });

        app.Service<ISecretProtector>().Protect("x");

        Assert.Contains("<masterKey", string.Concat(Directory.GetFiles(keys, "*.xml").Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    [Fact]
    public void Boot_WithAWrongCertificatePassword_FailsNamingTheSetting()
    {
        using var app = new CartRecoveryAppFactory(settings: new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = SelfSignedPfx(),
            ["DataProtection:CertificatePassword"] = "wrong",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Service<ISecretProtector>());

        Assert.Contains("DataProtection:CertificatePath", error.ToString(), StringComparison.Ordinal);
    }

    private string SelfSignedPfx()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=CartRecovery key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
