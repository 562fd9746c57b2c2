using System.Globalization;
using System.Net.Http.Headers;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Email;
using CartRecovery.Core.Sequences;
using CartRecovery.Web.Tests.Features.Accounts;
using static CartRecovery.Web.Tests.Features.Accounts.AccountRequests;

namespace CartRecovery.Web.Tests.Security;

/// <summary>
/// The hostile host (<see cref="HostileHost"/>: a store with a cart, its message, a task, a sequence and a suppression,
/// a WooCommerce store and a Shopify store) split between two accounts created through the API: account A owns the
/// first two stores and everything in them, account B the Shopify store. Each account gets API keys through the API.
/// </summary>
public sealed class TenantHost : IAsyncLifetime
{
    public const string OwnerEmailA = "owner@tenant-a.example";
    public const string OwnerEmailB = "owner@tenant-b.example";
    public const string AccountNameA = "Tenant A Alpine";

    public HostileHost Host { get; } = new();
    public HostileTargets Targets => Host.Targets;
    public static CancellationToken Ct => HostileHost.Ct;

    public long AccountA { get; private set; }
    public long AccountB { get; private set; }
    public long OwnerUserA { get; private set; }
    public long OwnerUserB { get; private set; }

    /// <summary>A's keys by role, and one more (the "spare") for the key endpoints to aim at.</summary>
    public IssuedKey OwnerKeyA { get; private set; } = null!;
    public IssuedKey MemberKeyA { get; private set; } = null!;
    public IssuedKey ViewerKeyA { get; private set; } = null!;
    public IssuedKey SpareKeyA { get; private set; } = null!;
    public IssuedKey OwnerKeyB { get; private set; } = null!;
    /// <summary>B's owner signed in (the email-link door): a browser with its cookies, and the session cookie alone.</summary>
    public HttpClient BrowserB { get; private set; } = null!;
    public string SessionB { get; private set; } = "";
    /// <summary>A's owner signed in.</summary>
    public HttpClient BrowserA { get; private set; } = null!;

    /// <summary>An open invitation of account A (B must not see or revoke it).</summary>
    public long InvitationA { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await Host.InitializeAsync();
        using var operatorClient = Client(CartRecoveryAppFactory.AdminKey);
        (AccountA, OwnerUserA) = await operatorClient.CreateAccountAsync(AccountNameA, OwnerEmailA, "agency");
        (AccountB, OwnerUserB) = await operatorClient.CreateAccountAsync("Tenant B Bistro", OwnerEmailB);
        // The API has no verb that moves a shop between accounts (connecting never does): the data layer's does.
        var accounts = Host.App.Service<IAccountRepository>();
        await accounts.AssignStoreAsync(Targets.OwnStore.Id, AccountA, Ct);
        await accounts.AssignStoreAsync(Targets.WooStore.Id, AccountA, Ct);
        await accounts.AssignStoreAsync(Targets.OtherStore.Id, AccountB, Ct);

        OwnerKeyA = await operatorClient.CreateKeyAsync(AccountA, "A owner", "owner");
        MemberKeyA = await operatorClient.CreateKeyAsync(AccountA, "A member", "member");
        ViewerKeyA = await operatorClient.CreateKeyAsync(AccountA, "A viewer", "viewer");
        SpareKeyA = await operatorClient.CreateKeyAsync(AccountA, "A spare", "member");
        OwnerKeyB = await operatorClient.CreateKeyAsync(AccountB, "B owner", "owner");
        using (var ownerA = Client(OwnerKeyA.Token))
        using (var invited = await ownerA.PostAsync("/api/team/invitations",
            new StringContent("""{"email":"invited-a@example.com","role":"viewer"}""", System.Text.Encoding.UTF8, "application/json"), Ct))
        {
            invited.EnsureSuccessStatusCode();
            using var json = System.Text.Json.JsonDocument.Parse(await invited.Content.ReadAsStringAsync(Ct));
            InvitationA = json.RootElement.GetProperty("id").GetInt64();
        }
        (BrowserB, SessionB) = await Host.SignInBrowserAsync(OwnerEmailB);
        (BrowserA, _) = await Host.SignInBrowserAsync(OwnerEmailA);
        Host.Database.Rebase();
    }

    public async ValueTask DisposeAsync()
    {
        BrowserA?.Dispose();
        BrowserB?.Dispose();
        await Host.DisposeAsync();
    }

    public HttpClient Client(string bearer)
    {
        var client = new HttpClient { BaseAddress = Host.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    /// <summary>Every page of the app that answers GET, from the app's own endpoint data source.</summary>
    public List<AttackSurface> PagesOfA() => Host.Endpoints().SelectMany(AttackSurface.Of)
        .Where(s => s.IsPage && s.Method == "GET").OrderBy(s => s.Key, StringComparer.Ordinal).ToList();

    /// <summary>The page with A's ids in its route and A's first store chosen, or null when a parameter has no id here.</summary>
    public string? PathOfA(AttackSurface page)
    {
        var values = new Dictionary<string, string>();
        foreach (var parameter in page.Endpoint.RoutePattern.Parameters)
        {
            if (Fill(parameter.Name, page.Pattern) is not { } value)
                return null;
            values[parameter.Name] = Uri.EscapeDataString(value);
        }
        return new RouteFill("A's ids", values).PathFor(page.Endpoint.RoutePattern) + $"?store={Id(Targets.OwnStore.Id)}";
    }

    private string? Fill(string name, string path)
    {
        var t = Targets;
        bool Under(string prefix) => path.StartsWith(prefix, StringComparison.Ordinal);
        return name switch
        {
            "id" when Under("/app/carts") => Id(t.CartId),
            "id" when Under("/app/tasks") => Id(t.TaskId),
            "id" when Under("/app/sequences") => Id(t.OwnSequenceId),
            "id" when Under("/app/keys") => Id(SpareKeyA.Id),
            "id" when Under("/app/team/invitations") => Id(InvitationA),
            "id" when Under("/app/team") => Id(OwnerUserA),
            "storeId" => Id(t.OwnStore.Id),
            "sequenceId" => Id(t.OwnSequenceId),
            "userId" => Id(OwnerUserA),
            "name" => SequencePresets.ReminderTemplate,
            "locale" => StoreTemplate.Locales[0],
            "part" => StoreTemplate.HtmlPart,
            _ => null,
        };
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
