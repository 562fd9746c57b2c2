namespace CartRecovery.Core.Security;

/// <summary>Encrypts secrets (tokens, keys) before they are stored, and decrypts them for use.</summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The value was not protected by this key ring.</exception>
    string Unprotect(string protectedValue);
}
