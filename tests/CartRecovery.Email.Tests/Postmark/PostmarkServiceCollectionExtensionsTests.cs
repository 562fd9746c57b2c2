using CartRecovery.Core.Email;
using CartRecovery.Email.Postmark;
using CartRecovery.Email.Postmark.Sending;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartRecovery.Email.Tests.Postmark;

public sealed class PostmarkServiceCollectionExtensionsTests
{
    [Fact]
    public void AddPostmarkEmail_WithoutSettings_UsesDocumentedDefaultsAndLeavesTransportChoiceToTheHost()
    {
        using var provider = PostmarkTestKit.BuildProvider([]);

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<PostmarkOptions>>().Value;
        Assert.Equal(new Uri("https://api.postmarkapp.com/"), options.BaseUrl);
        Assert.Equal("broadcast", options.MessageStream);
        Assert.True(options.TrackOpens);
        Assert.Equal("HtmlOnly", options.TrackLinks);
        Assert.Null(provider.GetService<IEmailTransport>());
    }

    [Fact]
    public void AddPostmarkEmail_WithToken_ResolvesTheTransportAsOneSingleton()
    {
        using var provider = PostmarkTestKit.BuildProvider(new() { ["Postmark:ServerToken"] = "token" });

        Assert.Same(provider.GetRequiredService<PostmarkTransport>(), provider.GetRequiredService<PostmarkTransport>());
    }

    [Fact]
    public void AddPostmarkEmail_WithoutToken_StartsButRefusesToBuildTheClientNamingTheKey()
    {
        using var provider = PostmarkTestKit.BuildProvider([]);

        provider.GetRequiredService<IStartupValidator>().Validate();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<PostmarkTransport>());

        Assert.Contains("Postmark:ServerToken", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Postmark:TrackLinks", "Sometimes")]
    [InlineData("Postmark:MessageStream", " ")]
    [InlineData("Postmark:BaseUrl", "ftp://api.example.com/")]
    [InlineData("Postmark:Timeout", "00:00:00")]
    [InlineData("Postmark:MaxRetries", "50")]
    public void AddPostmarkEmail_WithBadSetting_FailsStartupNamingTheKey(string key, string value)
    {
        using var provider = PostmarkTestKit.BuildProvider(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
