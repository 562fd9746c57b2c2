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

    [Fact]
    public void FromEmbeddedResources_HoldsAFrenchTranslationOfEveryShippedTemplate()
    {
        var catalog = TemplateCatalog.FromEmbeddedResources();

        Assert.All(catalog.Names, name => Assert.True(catalog.Has(name, "fr"), $"'{name}' has no French translation"));
        Assert.DoesNotContain(catalog.Names, name => name.Contains('.', StringComparison.Ordinal));
    }

    [Fact]
    public void Get_WhenTheLanguageHasNoTranslation_ReturnsTheEnglishOriginal()
    {
        var files = MinimalFiles("reminder");
        files["reminder.fr.subject.liquid"] = "Sujet";
        files["reminder.fr.html.liquid"] = "<p>fr</p>";
        files["reminder.fr.text.liquid"] = "fr";
        var catalog = TemplateCatalog.FromFiles(files);

        Assert.Equal("reminder.fr", catalog.Get("reminder", "fr").Name);
        Assert.Equal("reminder", catalog.Get("reminder", "de").Name);
        Assert.Equal(["reminder"], catalog.Names);
    }

    [Fact]
    public void FromFiles_WhenATranslationHasNoEnglishOriginal_ThrowsNamingIt()
    {
        var files = MinimalFiles("reminder");
        files["winback.fr.subject.liquid"] = "Sujet";
        files["winback.fr.html.liquid"] = "<p>fr</p>";
        files["winback.fr.text.liquid"] = "fr";

        var error = Assert.Throws<InvalidOperationException>(() => TemplateCatalog.FromFiles(files));

        Assert.Contains("'winback.fr'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFiles_WhenTheSuffixIsNotALanguage_Throws()
    {
        var files = MinimalFiles("reminder");
        files["reminder.v2.subject.liquid"] = "Subject";
        files["reminder.v2.html.liquid"] = "<p>v2</p>";
        files["reminder.v2.text.liquid"] = "v2";

        var error = Assert.Throws<InvalidOperationException>(() => TemplateCatalog.FromFiles(files));

        Assert.Contains("reminder.v2", error.Message, StringComparison.Ordinal);
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
