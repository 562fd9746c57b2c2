using CartRecovery.Core.Sequences;
using CartRecovery.Email.Templates;

namespace CartRecovery.Email.Tests.Templates;

public sealed class TemplateCatalogTests
{
    [Fact]
    public void TryParse_WhenSourceIsValid_ReturnsTemplate()
    {
        var parsed = TemplateCatalog.TryParse("Hi {{ customer.first_name | default: 'there' }}", out var template, out var error);

        Assert.True(parsed);
        Assert.NotNull(template);
        Assert.Null(error);
    }

    [Fact]
    public void TryParse_WhenTagIsNotClosed_ReportsReasonLineAndColumn()
    {
        var parsed = TemplateCatalog.TryParse("Hi there,\n{{ customer.first_name }\n", out var template, out var error);

        Assert.False(parsed);
        Assert.Null(template);
        Assert.Contains("line 2", error, StringComparison.Ordinal);
        Assert.Contains("column", error, StringComparison.Ordinal);
        Assert.Contains("}}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_WhenAFileIsBroken_ThrowsNamingFileAndLine()
    {
        var files = MinimalFiles("reminder", "offer");
        files["offer.html.liquid"] = "<p>ok</p>\n<p>{% if offer %}never closed</p>";

        var error = Assert.Throws<InvalidOperationException>(() => TemplateCatalog.FromFiles(files));

        Assert.Contains("'offer.html.liquid'", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_WhenATemplateLacksItsTextPart_ThrowsNamingIt()
    {
        var files = MinimalFiles("reminder");
        files.Remove("reminder.text.liquid");

        var error = Assert.Throws<InvalidOperationException>(() => TemplateCatalog.FromFiles(files));

        Assert.Contains("reminder.text.liquid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_WhenAFileIsMisnamed_Throws()
    {
        var files = MinimalFiles("reminder");
        files["reminder.body.liquid"] = "body";

        var error = Assert.Throws<InvalidOperationException>(() => TemplateCatalog.FromFiles(files));

        Assert.Contains("reminder.body.liquid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEmbeddedResources_HoldsEveryEmailTemplateOfTheShippedSequences()
    {
        var catalog = TemplateCatalog.FromEmbeddedResources();

        var sent = SequencePresets.All.SelectMany(s => s.Steps).Where(s => s.Kind == StepKind.Email).Select(s => s.Template).Distinct();
        Assert.All(sent, name => Assert.Contains(name, catalog.Names));
        Assert.DoesNotContain("_layout", catalog.Names);
    }

    /// <summary>The smallest valid file set: both layouts and three trivial parts per name.</summary>
    internal static Dictionary<string, string> MinimalFiles(params string[] names)
    {
        var files = new Dictionary<string, string>
        {
            ["_layout.html.liquid"] = "<html>{{ content | raw }}</html>",
            ["_layout.text.liquid"] = "{{ content }}",
        };
        foreach (var name in names)
        {
            files[$"{name}.subject.liquid"] = "Subject";
            files[$"{name}.html.liquid"] = "<p>{{ store.name }}</p>";
            files[$"{name}.text.liquid"] = "{{ store.name }}";
        }
        return files;
    }
}
