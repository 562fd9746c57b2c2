using CartRecovery.Core.Billing;
using System.Reflection;
using System.Text.Json;
using CartRecovery.Connectors.Demo;
using CartRecovery.Connectors.Shopify;
using CartRecovery.Connectors.WooCommerce;
using CartRecovery.Core.Accounts;
using CartRecovery.Core.Outbound;
using CartRecovery.Core.Recovery;
using CartRecovery.Data;
using CartRecovery.Email;
using CartRecovery.Email.Postmark;
using CartRecovery.Email.Smtp;
using CartRecovery.Email.Postmark.Webhooks;
using CartRecovery.Jobs;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace CartRecovery.Web.Tests.Hosting;

/// <summary>appsettings.example.json documents every setting, and nothing that does not exist.</summary>
public sealed class ExampleSettingsTests
{
    private static readonly Dictionary<string, Type> Sections = new()
    {
        [StorageOptions.Section] = typeof(StorageOptions),
        [EmailOptions.Section] = typeof(EmailOptions),
        [RecoveryOptions.Section] = typeof(RecoveryOptions),
        [LinkOptions.Section] = typeof(LinkOptions),
        [AdminOptions.Section] = typeof(AdminOptions),
        [JobsOptions.Section] = typeof(JobsOptions),
        [DemoOptions.Section] = typeof(DemoOptions),
        [ShopifyOptions.Section] = typeof(ShopifyOptions),
        [WooCommerceOptions.Section] = typeof(WooCommerceOptions),
        [SmtpOptions.Section] = typeof(SmtpOptions),
        [PostmarkOptions.Section] = typeof(PostmarkOptions),
        [PostmarkWebhookOptions.Section] = typeof(PostmarkWebhookOptions),
        [OutboundOptions.Section] = typeof(OutboundOptions),
        [BillingOptions.Section] = typeof(BillingOptions),
        [AccountsOptions.Section] = typeof(AccountsOptions),
        [CartRecovery.Sms.SmsOptions.Section] = typeof(CartRecovery.Sms.SmsOptions),
        [CartRecovery.Sms.Twilio.TwilioOptions.Section] = typeof(CartRecovery.Sms.Twilio.TwilioOptions),
        [Web.Features.Telemetry.TelemetryOptions.Section] = typeof(Web.Features.Telemetry.TelemetryOptions),
    };

    /// <summary>Settings read straight from configuration rather than bound to an options class.</summary>
    private static readonly string[] RawSections = ["Urls", "Logging", "DataProtection"];

    /// <summary>The repository's file, copied beside the tests by the project file.</summary>
    private static string ExamplePath() => Path.Combine(AppContext.BaseDirectory, "appsettings.example.json");

    private static JsonElement Example()
    {
        using var stream = File.OpenRead(ExamplePath());
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return document.RootElement.Clone();
    }

    private static IEnumerable<string> SettableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true).Select(p => p.Name);

    [Fact]
    public void Example_NamesEverySettingOfEveryOptionsClass()
    {
        var example = Example();
        foreach (var (section, type) in Sections)
        {
            Assert.True(example.TryGetProperty(section, out var values), $"section {section} is missing");
            var documented = values.EnumerateObject().Select(p => p.Name).ToHashSet();
            var missing = SettableProperties(type).Where(p => !documented.Contains(p)).ToList();
            Assert.True(missing.Count == 0, $"{section} does not document: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void Example_NamesNothingThatDoesNotExist()
    {
        foreach (var section in Example().EnumerateObject())
        {
            if (RawSections.Contains(section.Name))
                continue;
            Assert.True(Sections.TryGetValue(section.Name, out var type), $"unknown section {section.Name}");
            var known = SettableProperties(type).ToHashSet();
            var unknown = section.Value.EnumerateObject().Select(p => p.Name).Where(n => !known.Contains(n)).ToList();
            Assert.True(unknown.Count == 0, $"{section.Name} documents unknown settings: {string.Join(", ", unknown)}");
        }
    }

    [Fact]
    public void Example_BindsToTheOptionsWithItsDefaults()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(ExamplePath()).Build();

        foreach (var (section, type) in Sections)
        {
            var bound = configuration.GetSection(section).Get(type) ?? Activator.CreateInstance(type)!;
            var defaults = Activator.CreateInstance(type)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
                Assert.True(SameValue(property.GetValue(defaults), property.GetValue(bound)),
                    $"{section}:{property.Name} in the example ({property.GetValue(bound)}) differs from the default ({property.GetValue(defaults)})");
        }
    }

    /// <summary>Lists (such as the billing plans) compare by their items; everything else by value.</summary>
    private static bool SameValue(object? a, object? b) =>
        a is System.Collections.IList left && b is System.Collections.IList right
            ? left.Cast<object>().SequenceEqual(right.Cast<object>())
            : Equals(a, b);
}
