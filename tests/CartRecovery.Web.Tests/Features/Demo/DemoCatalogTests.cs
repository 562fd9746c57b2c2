using CartRecovery.Connectors.Demo;

namespace CartRecovery.Web.Tests.Features.Demo;

public sealed class DemoCatalogTests
{
    [Fact]
    public void Products_EachHaveTheirOwnName()
    {
        Assert.Equal(DemoCatalog.Products.Count, DemoCatalog.Products.Select(p => p.Title).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(DemoCatalog.Products.Count, DemoCatalog.Products.Select(p => p.TitleFr).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(DemoCatalog.Products.Count, DemoCatalog.Products.Select(p => p.Handle).Distinct().Count());
    }

    [Fact]
    public void Variants_HaveUniqueSkusAndAreFoundByThem()
    {
        var variants = DemoCatalog.Products.SelectMany(p => p.Variants).ToList();

        Assert.Equal(variants.Count, variants.Select(v => v.Sku).Distinct().Count());
        Assert.All(variants, v => Assert.Same(v, DemoCatalog.FindVariant(v.Sku)?.Variant));
        Assert.Equal("ridgeline-down-jacket", DemoCatalog.FindProduct("ALP-JKT-L")?.Handle);
    }

    [Fact]
    public void Add_WhenTheVariantIsInTheCart_RaisesItsQuantityInsteadOfAddingALine()
    {
        var jacket = DemoCatalog.Products[0];
        var storefront = new Uri("http://localhost/demo/");
        var lines = DemoCartLines.Add([], DemoCartLines.Line(storefront, jacket, jacket.Variants[0], "en"));

        lines = DemoCartLines.Add(lines, DemoCartLines.Line(storefront, jacket, jacket.Variants[0], "en", quantity: 2));
        lines = DemoCartLines.Add(lines, DemoCartLines.Line(storefront, jacket, jacket.Variants[1], "en"));

        Assert.Equal([3, 1], lines.Select(l => l.Quantity));
        Assert.Equal("http://localhost/demo/images/ALP-JKT-M.png", lines[0].ImageUrl);
    }

    [Fact]
    public void Line_InFrench_TakesTheFrenchNames()
    {
        var jacket = DemoCatalog.Products[0];

        var line = DemoCartLines.Line(new Uri("http://localhost/demo/"), jacket, jacket.Variants[0], "fr");

        Assert.Equal(("Doudoune Ridgeline", "Taille M / Ardoise"), (line.Title, line.VariantTitle));
    }

    [Fact]
    public void Pick_EveryFifthShopper_IsFrench()
    {
        var random = new Random(1);

        var people = Enumerable.Range(1, 50).Select(n => DemoPeople.Pick(n, random)).ToList();

        Assert.Equal(10, people.Count(p => p.Locale == "fr"));
        Assert.All(people.Where((_, i) => (i + 1) % 5 == 0), p => Assert.Equal(("fr", "FR"), (p.Locale, p.Country)));
    }
}
