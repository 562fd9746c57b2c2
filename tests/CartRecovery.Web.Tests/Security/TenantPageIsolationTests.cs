using System.Globalization;
using System.Net;
using CartRecovery.Web.Tests.Features.SignIn;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;

namespace CartRecovery.Web.Tests.Security;

/// <summary>
/// Tenant isolation of the web app (issues 12 and 13): every page, enumerated from the app's own endpoint data source,
/// opened and posted by account B's signed-in owner on account A's ids (the <c>store</c> parameter and every route id).
/// B gets a 404 page or a page that shows nothing of A, and A's data is unchanged; the same page opened by A is not a
/// 404, so the refusal is the scoping's doing. A page with a route parameter the suite cannot fill fails it.
/// </summary>
public sealed class TenantPageIsolationTests(TenantHost tenants) : IClassFixture<TenantHost>
{
    /// <summary>Pages whose route holds a credential of its own instead of an id of A's, and why B cannot use it.</summary>
    private static readonly Dictionary<string, string> ScopedOtherwise = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/app/preview/{key}"] = "a rendered email preview is found only by the person who rendered it (their id and a random key)",
    };

    /// <summary>Page forms that create something in the caller's own account whatever ids they are sent: B's write is B's.</summary>
    private static readonly Dictionary<string, string> CreatesInTheCallersAccount = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/app/team Invite"] = "invites a person into the caller's own account",
        ["/app/keys Create"] = "creates a key of the caller's own account",
    };

    [Fact]
    public async Task EveryPage_OpenedByAnotherAccountOnTheFirstAccountsIds_Is404OrShowsNothingOfIt()
    {
        var failures = new List<string>();
        var pages = Pages();
        Assert.Contains(pages, p => p.Pattern == "/app");

        foreach (var page in pages)
        {
            if (PathFor(page) is not { } path)
            {
                failures.Add($"{page.Pattern}: a route parameter the suite has no id of account A for (teach {nameof(TenantPageIsolationTests)})");
                continue;
            }
            using (var asB = await tenants.BrowserB.GetAsync(path, TenantHost.Ct))
            {
                if (await JudgeAsync(asB) is { } failure)
                    failures.Add($"B's GET {path} → {failure}");
            }
            using var asA = await tenants.BrowserA.GetAsync(path, TenantHost.Ct);
            if (asA.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden || IsSignIn(asA))
                failures.Add($"A's own GET {path} → {(int)asA.StatusCode}: the suite's ids are wrong, so B's answer proves nothing");
        }
        tenants.Host.Database.Rebase();

        Assert.True(failures.Count == 0, $"{failures.Count} page isolation failures:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryPageForm_PostedByAnotherAccountOnTheFirstAccountsIds_ChangesNothingOfIt()
    {
        var failures = new List<string>();
        var db = tenants.Host.Database;
        var token = SignInDriver.AntiforgeryToken(await tenants.BrowserB.GetStringAsync("/app", TenantHost.Ct));
        db.Rebase();

        foreach (var page in Pages())
        {
            if (PathFor(page) is not { } path)
                continue;
            foreach (var handler in await PostHandlersAsync(page))
            {
                var url = handler.Length == 0 ? path : $"{path}&handler={Uri.EscapeDataString(handler)}";
                using var response = await tenants.BrowserB.PostFormAsync(url, [("__af", token), .. FormOfA()]);
                if (await JudgeAsync(response, allowBadRequest: true) is { } failure)
                    failures.Add($"B's POST {url} → {failure}");
                if (db.ChangesSinceBaseline() is { Count: > 0 } changes)
                {
                    if (!CreatesInTheCallersAccount.ContainsKey($"{page.Pattern} {handler}"))
                        failures.Add($"B's POST {url} → {(int)response.StatusCode}, and the database changed: {string.Join("; ", changes)}");
                    db.Rebase();
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} page isolation failures:\n" + string.Join("\n", failures));
    }

    private async Task<string?> JudgeAsync(HttpResponseMessage response, bool allowBadRequest = false)
    {
        var status = (int)response.StatusCode;
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TenantHost.Ct));
        if (status == 404 || (allowBadRequest && status == 400))
            return null;
        if (status is >= 200 and < 400)
        {
            var location = response.Headers.Location?.OriginalString ?? "";
            return TenantIsolationTests.MarkersOfA(tenants).Concat(IdsOfA(location))
                .FirstOrDefault(m => body.Contains(m, StringComparison.OrdinalIgnoreCase) || location.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } leak
                ? $"{status} showing A's '{leak}'"
                : null;
        }
        return $"{status} (a 404 page or a page without A's data due)";
    }

    // A redirect may carry ids (PRG back to the page): one that names A's store sends B somewhere it must not be.
    private IEnumerable<string> IdsOfA(string location) =>
        location.Length == 0 ? [] : [$"store={Id(tenants.Targets.OwnStore.Id)}", $"store={Id(tenants.Targets.WooStore.Id)}"];

    private static bool IsSignIn(HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString.StartsWith("/sign-in", StringComparison.Ordinal) == true;

    private List<AttackSurface> Pages() => tenants.PagesOfA().Where(s => !ScopedOtherwise.ContainsKey(s.Pattern)).ToList();

    private string? PathFor(AttackSurface page) => tenants.PathOfA(page);

    /// <summary>Form fields a page might read, all aimed at A: its store, cart, task, sequence, member, key.</summary>
    private IEnumerable<(string, string)> FormOfA()
    {
        var t = tenants.Targets;
        yield return ("store", Id(t.OwnStore.Id));
        yield return ("storeId", Id(t.OwnStore.Id));
        yield return ("storeIds", Id(t.OwnStore.Id));
        yield return ("cartId", Id(t.CartId));
        yield return ("taskId", Id(t.TaskId));
        yield return ("sequenceId", Id(t.OwnSequenceId));
        yield return ("userId", Id(tenants.OwnerUserA));
        yield return ("keyId", Id(tenants.SpareKeyA.Id));
        yield return ("invitationId", Id(tenants.InvitationA));
        // B's own form value: any address B types is B's, so not one of A's markers.
        yield return ("email", "someone@tenant-b.example");
    }

    /// <summary>The page's POST handlers by name ("" for the unnamed one), from its compiled descriptor.</summary>
    private async Task<IReadOnlyList<string>> PostHandlersAsync(AttackSurface page)
    {
        var descriptor = page.Endpoint.Metadata.GetMetadata<PageActionDescriptor>()!;
        var compiled = await tenants.Host.App.Service<PageLoader>().LoadAsync(descriptor, page.Endpoint.Metadata);
        return compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Name ?? "").Distinct(StringComparer.Ordinal).ToList();
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
