using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CartRecovery.Web.Tests.Features.Accounts;

/// <summary>Accounts and keys made the way integrators make them: through the API.</summary>
public static class AccountRequests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed record CreatedAccount(long Id, long OwnerUserId);

    public sealed record IssuedKey(long Id, string Prefix, string Token);

    public static async Task<CreatedAccount> CreateAccountAsync(this HttpClient operatorClient, string name, string ownerEmail, string kind = "merchant")
    {
        var response = await operatorClient.PostAsJsonAsync("/api/accounts", new { name, kind, ownerEmail }, Ct);
        Assert.True(response.IsSuccessStatusCode, $"creating account '{name}': {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return new(json.RootElement.GetProperty("id").GetInt64(), json.RootElement.GetProperty("ownerUserId").GetInt64());
    }

    /// <summary>A key of the caller's account, or (operator) of <paramref name="accountId"/>.</summary>
    public static async Task<IssuedKey> CreateKeyAsync(this HttpClient client, long? accountId, string name, string role, IReadOnlyList<long>? storeIds = null,
        DateTimeOffset? expiresAt = null)
    {
        var response = await client.PostAsJsonAsync(KeysPath(accountId), new { name, role, storeIds, expiresAt }, Ct);
        Assert.True(response.IsSuccessStatusCode, $"creating key '{name}': {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = json.RootElement;
        return new(root.GetProperty("id").GetInt64(), root.GetProperty("prefix").GetString()!, root.GetProperty("token").GetString()!);
    }

    public static string KeysPath(long? accountId) => accountId is { } id ? $"/api/keys?accountId={id}" : "/api/keys";

    public static HttpClient WithKey(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
