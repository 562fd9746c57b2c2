using CartRecovery.Testing.Emulators.Shopify;

namespace CartRecovery.Web.Tests.Cli;

/// <summary>An agency's bulk onboarding file: every row checked first, nothing imported from a bad file unless told to skip.</summary>
public sealed class StoresCommandTests : IAsyncLifetime
{
    private ShopifyEmulator _shopify = null!;
    private CliRunner _cli = null!;

    public async ValueTask InitializeAsync()
    {
        _shopify = await ShopifyEmulator.StartAsync();
        _cli = new CliRunner($"--Shopify:ClientId={_shopify.ClientId}", $"--Shopify:ClientSecret={_shopify.ClientSecret}",
            $"--Shopify:ApiBaseUrl={_shopify.BaseUrl.AbsoluteUri}");
    }

    public async ValueTask DisposeAsync()
    {
        _cli.Dispose();
        await _shopify.DisposeAsync();
    }

    private string BadCsv() => $"""
        platform,shopDomain,accessToken,siteUrl,consumerKey,consumerSecret
        shopify,{_shopify.ShopDomain},{_shopify.IssueOfflineToken(expiring: false).AccessToken},,,
        shopify,not-a-shop.example.com,shpat_x,,,
        magento,,,,,
        woocommerce,,,https://shop.example.com,,cs_secret
        shopify,{_shopify.ShopDomain},shpat_again,,,
        """;

    [Fact]
    public async Task Import_BadFile_ImportsNothingAndReportsEachBadRow()
    {
        var result = await _cli.RunAsync("stores", "import", _cli.File("stores.csv", BadCsv()));

        Assert.Equal(1, result.Code);
        Assert.Contains("row 2: shopDomain:", result.Error, StringComparison.Ordinal);
        Assert.Contains("row 3: platform:", result.Error, StringComparison.Ordinal);
        Assert.Contains("row 4: consumerKey:", result.Error, StringComparison.Ordinal);
        Assert.Contains("row 5: shopDomain: " + _shopify.ShopDomain + " is already on row 1", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("row 1:", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing imported", result.Error, StringComparison.Ordinal);
        Assert.Equal("0", await _cli.ScalarAsync("SELECT COUNT(*) FROM stores"));
    }

    [Fact]
    public async Task Import_WithSkipBadRows_ImportsTheGoodRowsThenTheyAreListedAndRefusedAsDuplicates()
    {
        var result = await _cli.RunAsync("stores", "import", _cli.File("stores.csv", BadCsv()), "--skip-bad-rows");

        Assert.True(result.Code == 0, result.Error);
        Assert.Contains("row 1: connected store 1", result.Output, StringComparison.Ordinal);
        Assert.Contains("Imported 1 of 5 rows", result.Output, StringComparison.Ordinal);
        var list = await _cli.RunAsync("stores", "list");
        Assert.Matches($@"1\s+shopify\s+{_shopify.ShopDomain}", list.Output);

        // The same shop again, from JSON: already connected.
        var again = await _cli.RunAsync("stores", "import", _cli.File("stores.json",
            $$"""[{"platform":"shopify","shopDomain":"{{_shopify.ShopDomain}}","accessToken":"shpat_x"}]"""));
        Assert.Equal(1, again.Code);
        Assert.Contains("row 1: shopDomain: " + _shopify.ShopDomain + " is already connected as store 1", again.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stores.csv", "platform,shop\nshopify,x\n", "column 'shop' is not known")]
    [InlineData("stores.json", """{"platform":"shopify"}""", "must be an array")]
    [InlineData("stores.json", "[{", "cannot be read")]
    [InlineData("stores.txt", "", "must end in .csv or .json")]
    public async Task Import_UnreadableFile_ImportsNothing(string name, string content, string problem)
    {
        var result = await _cli.RunAsync("stores", "import", _cli.File(name, content));

        Assert.Equal(1, result.Code);
        Assert.Contains(problem, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendTest_SendsTheFirstStepForASampleCartWithATestSubject()
    {
        var token = _shopify.IssueOfflineToken(expiring: false).AccessToken;
        await _cli.RunAsync("stores", "import", _cli.File("one.json", $$"""[{"platform":"shopify","shopDomain":"{{_shopify.ShopDomain}}","accessToken":"{{token}}"}]"""));

        var result = await _cli.RunAsync("send-test", "1", "merchant@example.com");

        Assert.True(result.Code == 0, result.Error);
        var eml = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(_cli.PickupDirectory, "*.eml")), TestContext.Current.CancellationToken);
        Assert.Contains("Subject: [Test]", eml, StringComparison.Ordinal);
        Assert.Contains("To: merchant@example.com", eml, StringComparison.Ordinal);
        Assert.DoesNotContain("cart-0.", eml, StringComparison.Ordinal);
        Assert.Equal(2, (await _cli.RunAsync("send-test", "1", "not-an-address")).Code);
        Assert.Equal(1, (await _cli.RunAsync("send-test", "99", "merchant@example.com")).Code);
    }

    [Fact]
    public async Task SendTest_Twice_GivesEachEmailItsOwnFileAndMessageId()
    {
        var token = _shopify.IssueOfflineToken(expiring: false).AccessToken;
        await _cli.RunAsync("stores", "import", _cli.File("one.json", $$"""[{"platform":"shopify","shopDomain":"{{_shopify.ShopDomain}}","accessToken":"{{token}}"}]"""));

        Assert.Equal(0, (await _cli.RunAsync("send-test", "1", "merchant@example.com")).Code);
        Assert.Equal(0, (await _cli.RunAsync("send-test", "1", "merchant@example.com")).Code);

        var files = Directory.GetFiles(_cli.PickupDirectory, "*.eml");
        Assert.Equal(2, files.Length);
        var ids = new List<string>();
        foreach (var file in files)
        {
            var eml = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            ids.Add(System.Text.RegularExpressions.Regex.Match(eml, "(?im)^Message-Id: (.+)$").Groups[1].Value.Trim());
        }
        Assert.NotEqual(ids[0], ids[1]);
        Assert.All(ids, id => Assert.StartsWith("<test-", id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_ShowsWhenEachStoreWasCreated()
    {
        var token = _shopify.IssueOfflineToken(expiring: false).AccessToken;
        await _cli.RunAsync("stores", "import", _cli.File("one.json", $$"""[{"platform":"shopify","shopDomain":"{{_shopify.ShopDomain}}","accessToken":"{{token}}"}]"""));

        var list = await _cli.RunAsync("stores", "list");

        Assert.Matches($@"(?m){_shopify.ShopDomain}.*\s20\d\d-\d\d-\d\d \d\d:\d\d:\d\dZ\s*$", list.Output);
        Assert.DoesNotContain("0001-01-01", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WooCommerceSiteThatDoesNotAnswer_OneLineForTheRowAndASummary()
    {
        var closedPort = CartRecoveryAppFactory.FreePort();
        var token = _shopify.IssueOfflineToken(expiring: false).AccessToken;
        var file = _cli.File("mixed.csv", $"""
            platform,shopDomain,accessToken,siteUrl,consumerKey,consumerSecret
            shopify,{_shopify.ShopDomain},{token},,,
            woocommerce,,,http://127.0.0.1:{closedPort},ck_key,cs_secret
            """);

        var result = await _cli.RunAsync("stores", "import", file);

        Assert.Equal(1, result.Code);
        Assert.Contains("row 1 of 2: connecting shopify " + _shopify.ShopDomain, result.Output, StringComparison.Ordinal);
        Assert.Contains("row 2 of 2: connecting woocommerce", result.Output, StringComparison.Ordinal);
        Assert.Contains("Imported 1 of 2 rows (0 skipped as invalid, 0 refused by the platform, 1 not answering).", result.Output, StringComparison.Ordinal);
        var errorLine = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("row 2: siteUrl:", errorLine, StringComparison.Ordinal);
    }
}
