using System.Net;
using CartRecovery.Core.Outbound;

namespace CartRecovery.Core.Tests.Outbound;

public sealed class OutboundUrlPolicyTests
{
    private static readonly OutboundOptions Defaults = new();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("0.0.0.0")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("169.254.169.254")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("198.18.0.1")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("fc00::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("::127.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:7f00:1::")]
    public void IsPublic_NonPublicAddress_IsFalse(string address) =>
        Assert.False(OutboundUrlPolicy.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::6810:84e5")]
    [InlineData("::ffff:93.184.216.34")]
    [InlineData("2002:5db8:d822::")]
    public void IsPublic_PublicAddress_IsTrue(string address) =>
        Assert.True(OutboundUrlPolicy.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void IsAllowedAddress_PrivateAddressWhenPrivateNetworksAreAllowed_IsTrue() =>
        Assert.True(OutboundUrlPolicy.IsAllowedAddress(IPAddress.Loopback, new OutboundOptions { AllowPrivateNetworks = true }));

    [Theory]
    [InlineData("https://shop.example/")]
    [InlineData("https://shop.example:8443/store")]
    [InlineData("https://93.184.216.34/")]
    public void Check_PublicHttpsUrl_IsAllowed(string url) =>
        Assert.Null(OutboundUrlPolicy.Check(new Uri(url), Defaults, "siteUrl"));

    [Theory]
    [InlineData("http://shop.example/", "must use https")]
    [InlineData("ftp://shop.example/", "must be an https URL")]
    [InlineData("javascript:alert(1)", "must be an https URL")]
    [InlineData("https://user:pass@shop.example/", "must not contain credentials")]
    [InlineData("https://127.0.0.1:8080/", "private, loopback or link-local")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "private, loopback or link-local")]
    [InlineData("https://[::ffff:169.254.169.254]/", "private, loopback or link-local")]
    [InlineData("https://[fd00:ec2::254]/", "private, loopback or link-local")]
    [InlineData("https://2130706433/", "private, loopback or link-local")]
    [InlineData("https://localhost/", "must not point at this machine")]
    [InlineData("https://api.localhost./", "must not point at this machine")]
    public void Check_UrlTheDefaultsRefuse_NamesTheFieldAndTheRule(string url, string rule)
    {
        var problem = OutboundUrlPolicy.Check(new Uri(url), Defaults, "siteUrl");

        Assert.NotNull(problem);
        Assert.StartsWith("siteUrl ", problem, StringComparison.Ordinal);
        Assert.Contains(rule, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LoopbackHttpWhenBothAreAllowed_IsAllowed() =>
        Assert.Null(OutboundUrlPolicy.Check(new Uri("http://127.0.0.1:5080/"), new OutboundOptions { AllowHttp = true, AllowPrivateNetworks = true }, "siteUrl"));

    [Fact]
    public void Check_CredentialsWhenEverythingIsAllowed_AreStillRefused() =>
        Assert.NotNull(OutboundUrlPolicy.Check(new Uri("http://a:b@127.0.0.1/"), new OutboundOptions { AllowHttp = true, AllowPrivateNetworks = true }, "siteUrl"));

    [Theory]
    [InlineData("https://shop.example/", true)]
    [InlineData("http://localhost/demo/", true)]
    [InlineData("javascript:alert(document.domain)", false)]
    [InlineData("JaVaScRiPt:alert(1)", false)]
    [InlineData("data:text/html,hi", false)]
    [InlineData("//evil.example/", false)]
    [InlineData("https://u:p@shop.example/", false)]
    [InlineData(null, false)]
    public void IsWebLink_OnlyAbsoluteHttpAndHttpsWithoutCredentials(string? url, bool expected) =>
        Assert.Equal(expected, OutboundUrlPolicy.IsWebLink(url));
}
