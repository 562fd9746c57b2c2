using System.Net;
using CartRecovery.Connectors.Shopify.Admin;

namespace CartRecovery.Connectors.Tests.Shopify.Admin;

public sealed class ShopifyAdminClientTests
{
    private static readonly ShopifyConnection Connection = new(new Uri("https://maple-goods.myshopify.com/"), "shpat_token");
    private const string ShopQuery = "query Shop { shop { name } }";

    private static HttpResponseMessage ShopData() => Respond.Data(new { shop = new { name = "Maple Goods" } });

    private static async Task<T> Within<T>(Task<T> task)
    {
        var finished = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.Same(task, finished);
        return await task;
    }

    [Fact]
    public async Task QueryAsync_Success_PostsQueryAndVariablesWithToken()
    {
        using var kit = new ShopifyTestKit(_ => ShopData());

        var data = await kit.Admin().QueryAsync(Connection, "query Checkouts($first: Int!, $query: String) { abandonedCheckouts(first: $first, query: $query) { nodes { id } } }",
            new { first = 5, query = "updated_at:>='2026-11-22T00:00:00Z'" }, TestContext.Current.CancellationToken);

        Assert.Equal("Maple Goods", data.GetProperty("shop").GetProperty("name").GetString());
        var request = Assert.Single(kit.Handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://maple-goods.myshopify.com/admin/api/2026-10/graphql.json", request.Uri.AbsoluteUri);
        Assert.Equal("shpat_token", request.Header("X-Shopify-Access-Token"));
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(5, request.Variables.GetProperty("first").GetInt32());
        Assert.Equal("updated_at:>='2026-11-22T00:00:00Z'", request.Variables.GetProperty("query").GetString());
        Assert.DoesNotContain("2026-11-22", request.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_Throttled_WaitsForTheBucketToRefillThenRetries()
    {
        var handler = FakeShopifyHandler.Sequence(() => Respond.Fixture("graphql_throttled.json"), ShopData);
        using var kit = new ShopifyTestKit(handler);

        var task = kit.Admin().QueryAsync(Connection, ShopQuery, null, TestContext.Current.CancellationToken);
        await handler.WaitForRequestsAsync(1);
        var wait = await kit.Time.NextTimerAsync(ignore: ShopifyAdminClient.AttemptTimeout);

        // (requested 752 - available 666) / restore rate 50 per second = 1.72 s
        Assert.Equal(TimeSpan.FromMilliseconds(1720), wait);
        kit.Time.Advance(TimeSpan.FromMilliseconds(1719));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Single(handler.Requests);
        kit.Time.Advance(TimeSpan.FromMilliseconds(1));
        var data = await Within(task);
        Assert.Equal("Maple Goods", data.GetProperty("shop").GetProperty("name").GetString());
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task QueryAsync_TooManyRequestsWithRetryAfter_WaitsThatLong()
    {
        var handler = FakeShopifyHandler.Sequence(() =>
        {
            var response = Respond.Status(HttpStatusCode.TooManyRequests);
            // Shopify sends fractional seconds, which the typed header rejects; add it raw as it arrives off the wire.
            response.Headers.TryAddWithoutValidation("Retry-After", "2.0");
            return response;
        }, ShopData);
        using var kit = new ShopifyTestKit(handler);

        var task = kit.Admin().QueryAsync(Connection, ShopQuery, null, TestContext.Current.CancellationToken);
        await handler.WaitForRequestsAsync(1);

        Assert.Equal(TimeSpan.FromSeconds(2), await kit.Time.NextTimerAsync(ignore: ShopifyAdminClient.AttemptTimeout));
        kit.Time.Advance(TimeSpan.FromSeconds(2));
        await Within(task);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task MutateAsync_Throttled_RetriesBecauseShopifyDidNotRunIt()
    {
        var handler = FakeShopifyHandler.Sequence(() => Respond.Fixture("graphql_throttled.json"), ShopData);
        using var kit = new ShopifyTestKit(handler);

        await kit.AdvanceUntilDoneAsync(() => kit.Admin().MutateAsync(Connection, "mutation { x }", null, TestContext.Current.CancellationToken));

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task QueryAsync_ServerErrorsThenSuccess_RetriesWithGrowingBackoff()
    {
        var handler = FakeShopifyHandler.Sequence(() => Respond.Status(HttpStatusCode.ServiceUnavailable), () => Respond.Status(HttpStatusCode.BadGateway), ShopData);
        using var kit = new ShopifyTestKit(handler);

        var task = kit.Admin().QueryAsync(Connection, ShopQuery, null, TestContext.Current.CancellationToken);
        await handler.WaitForRequestsAsync(1);
        var first = await kit.Time.NextTimerAsync(ignore: ShopifyAdminClient.AttemptTimeout);
        kit.Time.Advance(first);
        await handler.WaitForRequestsAsync(2);
        var second = await kit.Time.NextTimerAsync(ignore: ShopifyAdminClient.AttemptTimeout);
        kit.Time.Advance(second);
        await Within(task);

        Assert.InRange(first, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.2));
        Assert.InRange(second, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.4));
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task QueryAsync_ServerErrorsPersist_GivesUpAfterBoundedRetries()
    {
        using var kit = new ShopifyTestKit(_ => Respond.Status(HttpStatusCode.InternalServerError, "oops"));

        var error = await Assert.ThrowsAsync<ShopifyApiException>(() =>
            kit.AdvanceUntilDoneAsync(() => kit.Admin().QueryAsync(Connection, ShopQuery, null, TestContext.Current.CancellationToken), TimeSpan.FromSeconds(5)));

        Assert.True(error.IsTransient);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal(1 + ShopifyAdminClient.MaxTransientRetries, kit.Handler.Requests.Count);
    }

    [Fact]
    public async Task QueryAsync_ThrottledEveryTime_GivesUpWithTransientErrorAndWait()
    {
        using var kit = new ShopifyTestKit(_ => Respond.Fixture("graphql_throttled.json"));

        var error = await Assert.ThrowsAsync<ShopifyApiException>(() =>
            kit.AdvanceUntilDoneAsync(() => kit.Admin().QueryAsync(Connection, ShopQuery, null, TestContext.Current.CancellationToken)));

        Assert.True(error.IsTransient);
        Assert.Equal("THROTTLED", error.ErrorCode);
        Assert.Equal(TimeSpan.FromMilliseconds(1720), error.RetryAfter);
        Assert.Equal(1 + ShopifyAdminClient.MaxThrottleRetries, kit.Handler.Requests.Count);
    }

    [Fact]
    public async Task MutateAsync_ServerError_ThrowsWithoutRetrying()
    {
        using var kit = new ShopifyTestKit(_ => Respond.Status(HttpStatusCode.BadGateway));

        var error = await Assert.ThrowsAsync<ShopifyApiException>(() => kit.Admin().MutateAsync(Connection, "mutation { x }", null, TestContext.Current.CancellationToken));

        Assert.True(error.IsTransient);
        Assert.Single(kit.Handler.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    public async Task QueryAsync_TokenRejected_ThrowsNonTransientWithoutRetrying(HttpStatusCode status)
    {
        using var kit = new ShopifyTestKit(_ => Respond.Json("{\"errors\":\"[API] Invalid API key or access token\"}", status, requestId: "req-4242"));

        var error = await Assert.ThrowsAsync<ShopifyApiException>(() => kit.Admin().QueryAsync(Connection, ShopQuery, null, TestContext.Current.CancellationToken));

        Assert.False(error.IsTransient);
        Assert.Equal((int)status, error.StatusCode);
        Assert.Equal("req-4242", error.RequestId);
        Assert.Contains("Invalid API key", error.BodyExcerpt, StringComparison.Ordinal);
        Assert.Single(kit.Handler.Requests);
    }

    [Fact]
    public async Task QueryAsync_GraphQlErrors_ThrowsNonTransientWithMessageAndRequestId()
    {
        using var kit = new ShopifyTestKit(_ => Respond.Json(
            "{\"errors\":[{\"message\":\"Field 'nope' doesn't exist on type 'Shop'\",\"extensions\":{\"code\":\"undefinedField\"}}]}", requestId: "req-77"));

        var error = await Assert.ThrowsAsync<ShopifyApiException>(() => kit.Admin().QueryAsync(Connection, ShopQuery, null, TestContext.Current.CancellationToken));

        Assert.False(error.IsTransient);
        Assert.Contains("Field 'nope' doesn't exist", error.Message, StringComparison.Ordinal);
        Assert.Equal("undefinedField", error.ErrorCode);
        Assert.Equal("req-77", error.RequestId);
        Assert.Single(kit.Handler.Requests);
    }
}
