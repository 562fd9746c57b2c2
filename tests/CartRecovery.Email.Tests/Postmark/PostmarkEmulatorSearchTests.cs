using System.Net;
using System.Text.Json.Nodes;
using CartRecovery.Testing.Emulators.Postmark;

namespace CartRecovery.Email.Tests.Postmark;

/// <summary>The emulator's <c>GET /messages/outbound</c> follows Postmark's documented parameters.</summary>
public sealed class PostmarkEmulatorSearchTests
{
    [Theory]
    [InlineData("offset=0")]
    [InlineData("count=1")]
    [InlineData("count=501&offset=0")]
    [InlineData("count=500&offset=9600")]
    [InlineData("count=1&offset=0&metadata_a=1&metadata_b=2")]
    public async Task Search_WithParametersPostmarkRefuses_Answers422(string query)
    {
        await using var kit = await PostmarkTestKit.StartAsync();

        var (status, _) = await SearchAsync(kit, query);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
    }

    [Fact]
    public async Task Search_ByMetadataAndTag_ReturnsMatchesNewestFirstWithTotalCount()
    {
        await using var kit = await PostmarkTestKit.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var first = await kit.Transport.SendAsync(PostmarkTestData.Email(messageId: 7), ct);
        var second = await kit.Transport.SendAsync(PostmarkTestData.Email(messageId: 7), ct);
        await kit.Transport.SendAsync(PostmarkTestData.Email(messageId: 8), ct);

        var (status, body) = await SearchAsync(kit, "count=10&offset=0&metadata_message_id=7&tag=step-1&messagestream=broadcast");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, (int)body!["TotalCount"]!);
        var ids = body["Messages"]!.AsArray().Select(m => (string?)m!["MessageID"]).ToList();
        Assert.Equal([second, first], ids);
        Assert.Equal("7", (string?)body["Messages"]![0]!["Metadata"]!["message_id"]);
    }

    [Fact]
    public async Task Search_WithoutToken_Answers401()
    {
        await using var emulator = await PostmarkEmulator.StartAsync(ct: TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };

        using var response = await http.GetAsync(new Uri("messages/outbound?count=1&offset=0", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> SearchAsync(PostmarkTestKit kit, string query)
    {
        using var http = new HttpClient { BaseAddress = kit.Emulator.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("messages/outbound?" + query, UriKind.Relative));
        request.Headers.Add("Accept", "application/json");
        request.Headers.Add("X-Postmark-Server-Token", PostmarkEmulator.DefaultServerToken);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) : null);
    }
}
