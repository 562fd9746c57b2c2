using CartRecovery.Email.Templates;

namespace CartRecovery.Email.Tests.Templates;

public sealed class TemplateValidatorTests
{
    /// <summary>Every shipped part, layouts included, as (resource name) for the theory below.</summary>
    public static TheoryData<string> ShippedTemplates()
    {
        var names = typeof(TemplateCatalog).Assembly.GetManifestResourceNames().Where(n => n.EndsWith(TemplateCatalog.Extension, StringComparison.Ordinal));
        return new TheoryData<string>(names);
    }

    [Theory]
    [MemberData(nameof(ShippedTemplates))]
    public void Validate_EveryShippedTemplate_IsValid(string resource)
    {
        using var stream = typeof(TemplateCatalog).Assembly.GetManifestResourceStream(resource)!;
        var source = new StreamReader(stream).ReadToEnd();

        var result = TemplateValidator.Validate(source);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(TemplateValidationResult.Valid, result);
    }

    [Fact]
    public void Validate_WhenOutputIsNotClosed_ReportsReasonLineAndColumn()
    {
        var result = TemplateValidator.Validate("<p>Hi there,</p>\n<p>{{ customer.first_name }</p>\n");

        Assert.False(result.IsValid);
        Assert.Equal(2, result.Line);
        Assert.NotNull(result.Column);
        Assert.Contains("}}", result.Error, StringComparison.Ordinal);
        Assert.Contains("line 2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenIfIsNeverClosed_RefusesIt()
    {
        var result = TemplateValidator.Validate("<p>ok</p>\n<p>{% if offer %}never closed</p>");

        Assert.False(result.IsValid);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Validate_WhenAFilterIsUnknown_ReportsItsNameLineAndColumn()
    {
        var result = TemplateValidator.Validate("<p>\n  Total: {{ cart.total | monye }}\n</p>");

        Assert.False(result.IsValid);
        Assert.Contains("'monye'", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, result.Line);
        Assert.Equal(26, result.Column);
    }

    [Fact]
    public void Validate_WhenTheUnknownFilterSitsInABranchTheSampleNeverTakes_StillRefusesIt()
    {
        var result = TemplateValidator.Validate("{% if customer.first_name == 'nobody' %}{{ store.name | shout }}{% endif %}");

        Assert.False(result.IsValid);
        Assert.Contains("'shout'", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, result.Line);
    }

    [Fact]
    public void Validate_WhenTemplateRunsAwayAtRuntime_RefusesIt()
    {
        var result = TemplateValidator.Validate("{% for i in (1..100000000) %}{{ i }}{% endfor %}");

        Assert.False(result.IsValid);
        Assert.Contains("sample cart", result.Error, StringComparison.Ordinal);
        Assert.Null(result.Line);
    }

    [Fact]
    public void Validate_WhenTemplateIncludesAFile_RefusesIt()
    {
        var result = TemplateValidator.Validate("{% include 'header' %}<p>{{ store.name }}</p>");

        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("{{ store.name | upcase }} {{ cart.total }} {% for line in cart.lines %}{{ line.title | escape }}{% endfor %}")]
    [InlineData("{% if offer %}{{ offer.code }} {{ offer.expires_at }}{% else %}no offer{% endif %}")]
    [InlineData("{{ customer.first_name | default: 'there' }}")]
    [InlineData("<html>{{ content | raw }}</html>")]
    public void Validate_WhenTemplateUsesKnownVariablesAndFilters_IsValid(string source)
    {
        Assert.Equal(TemplateValidationResult.Valid, TemplateValidator.Validate(source));
    }
}
