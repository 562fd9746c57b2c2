namespace CartRecovery.Connectors.Demo;

/// <summary>
/// Who shops at the demo shop: one shopper in five is French (a French name, locale <c>fr</c>, so their emails are
/// French); the others are English-speaking European names. Decided by the shopper's number, so it holds for any seed.
/// </summary>
public static class DemoPeople
{
    private static readonly string[] FirstNames = ["Amelia", "Noah", "Sofia", "Lukas", "Mateo", "Ines", "Oliver", "Emma", "Tom", "Ana"];
    private static readonly string[] LastNames = ["Schmidt", "Rossi", "García", "Novak", "Jensen", "Silva", "Murphy", "Berg"];
    private static readonly string[] FrenchFirstNames = ["Léa", "Hugo", "Chloé", "Louis", "Inès", "Jules", "Camille", "Théo", "Manon", "Gabriel"];
    private static readonly string[] FrenchLastNames = ["Martin", "Dubois", "Lefèvre", "Moreau", "Girard", "Fontaine", "Rousseau", "Lambert"];

    /// <summary>Whether shopper number <paramref name="number"/> (from 1) is French: every fifth one.</summary>
    public static bool IsFrench(int number) => number % 5 == 0;

    /// <summary>
    /// Every other shopper leaves a French mobile number (made up from the shopper's number; the demo only writes texts to
    /// its pickup folder) and one in two of those ticks the SMS box.
    /// </summary>
    public static (string? Phone, bool? AcceptsSms) Mobile(int number) =>
        number % 2 == 0 ? (string.Create(System.Globalization.CultureInfo.InvariantCulture, $"06 12 00 {number / 100 % 100:00} {number % 100:00}"), number % 4 == 0) : (null, null);

    public static DemoPerson Pick(int number, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return IsFrench(number)
            ? new(FrenchFirstNames[random.Next(FrenchFirstNames.Length)], FrenchLastNames[random.Next(FrenchLastNames.Length)], DemoShopLanguage.French, "FR")
            : new(FirstNames[random.Next(FirstNames.Length)], LastNames[random.Next(LastNames.Length)], DemoShopLanguage.English, "DE");
    }
}
