using Microsoft.Extensions.Options;

namespace CartRecovery.Data;

/// <summary>Refuses an unknown provider, and a server provider without a connection string, with a message naming the key.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
