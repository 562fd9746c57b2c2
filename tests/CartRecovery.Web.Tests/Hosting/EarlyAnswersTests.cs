using CartRecovery.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Web.Tests.Hosting;

/// <summary>An endpoint that answers early skips authorization and rate limits, so it may not ask for them.</summary>
public sealed class EarlyAnswersTests
{
    [Fact]
    public async Task AnswersEarly_WhenTheEndpointAlsoAsksForAuthorization_IsRefusedWhenTheEndpointsAreBuilt()
    {
        await using var app = NewApp();
        app.MapGet("/early", () => "hi").AnswersEarly().RequireAuthorization();

        var error = Assert.Throws<InvalidOperationException>(() => Endpoints(app));
        Assert.Contains("authorization or rate limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersEarly_WhenTheEndpointAlsoAsksForARateLimit_IsRefusedWhenTheEndpointsAreBuilt()
    {
        await using var app = NewApp();
        app.MapGet("/early", () => "hi").AnswersEarly().RequireRateLimiting("any");

        Assert.Throws<InvalidOperationException>(() => Endpoints(app));
    }

    [Fact]
    public async Task AnswersEarly_OnAnAnonymousEndpoint_IsBuilt()
    {
        await using var app = NewApp();
        app.MapGet("/early", () => "hi").AnswersEarly();

        Assert.Single(Endpoints(app));
    }

    private static WebApplication NewApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddAuthorization();
        builder.Services.AddRateLimiter(_ => { });
        return builder.Build();
    }

    private static List<Endpoint> Endpoints(IEndpointRouteBuilder app) => app.DataSources.SelectMany(d => d.Endpoints).ToList();
}
