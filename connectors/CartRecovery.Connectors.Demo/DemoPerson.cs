namespace CartRecovery.Connectors.Demo;

/// <summary>A generated shopper's name, language and country.</summary>
public sealed record DemoPerson(string FirstName, string LastName, string Locale, string Country)
{
    /// <summary>An address on the reserved example domain, unique by <paramref name="number"/>.</summary>
    public string Email(int number) => $"{Slug(FirstName)}.{Slug(LastName)}{number}@example.com";

    private static string Slug(string name) =>
        new string(name.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).ToArray()).ToLowerInvariant();
}
