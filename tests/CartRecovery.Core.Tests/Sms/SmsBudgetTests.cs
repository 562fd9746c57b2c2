using CartRecovery.Core.Sms;

namespace CartRecovery.Core.Tests.Sms;

public sealed class SmsBudgetTests
{
    private static string A(int count) => new('a', count);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Measure_Gsm7Text_Counts160ThenPartsOf153(int length, int parts)
    {
        var budget = SmsBudget.Measure(A(length));

        Assert.Equal(new SmsBudget(SmsEncoding.Gsm7, length, parts), budget);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    [InlineData(201, 3)]
    [InlineData(202, 4)]
    public void Measure_TextWithOneCharacterOutsideGsm7_SwitchesEverythingToUcs2(int length, int parts)
    {
        // "ê" is not in the GSM-7 table (only è, é are): one of it turns the whole French message into UCS-2.
        var text = "ê" + A(length - 1);

        Assert.Equal(new SmsBudget(SmsEncoding.Ucs2, length, parts), SmsBudget.Measure(text));
    }

    [Theory]
    [InlineData("\f")]
    [InlineData("^")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("\\")]
    [InlineData("[")]
    [InlineData("~")]
    [InlineData("]")]
    [InlineData("|")]
    [InlineData("€")]
    public void Measure_ExtensionTableCharacter_CountsTwoSeptets(string character)
    {
        Assert.Equal(new SmsBudget(SmsEncoding.Gsm7, 2, 1), SmsBudget.Measure(character));
        // 80 of them fill a single part exactly; one more splits the message.
        Assert.Equal(1, SmsBudget.Measure(string.Concat(Enumerable.Repeat(character, 80))).Parts);
        Assert.Equal(new SmsBudget(SmsEncoding.Gsm7, 162, 2), SmsBudget.Measure(string.Concat(Enumerable.Repeat(character, 81))));
    }

    [Fact]
    public void Measure_EveryCharacterOfTheDefaultTable_CountsOneSeptet()
    {
        const string table = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
            "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

        Assert.Equal(127, table.Distinct().Count());
        foreach (var c in table)
            Assert.Equal(1, SmsAlphabet.Septets(c));
        Assert.Equal(new SmsBudget(SmsEncoding.Gsm7, 127, 1), SmsBudget.Measure(table));
    }

    [Theory]
    [InlineData("ç")]      // only the capital Ç is in the table
    [InlineData("À")]      // only the small à is
    [InlineData("ô")]
    [InlineData("’")]      // the curly apostrophe phones type by default
    [InlineData("«")]
    [InlineData("😀")]
    [InlineData("\u00A0")] // no-break space, which French typography puts before "!" and "?"
    [InlineData("`")]
    public void Measure_CharacterOutsideGsm7_IsUcs2(string character)
    {
        Assert.Equal(SmsEncoding.Ucs2, SmsBudget.Measure("Votre panier " + character).Encoding);
        Assert.Equal(0, SmsAlphabet.Septets(character[0]));
    }

    [Fact]
    public void Measure_ExtensionCharacterAtTheEndOfAPart_MovesWholeToTheNextPart()
    {
        // 152 septets, then "€" needs 2 where 1 is left: it opens part 2, which 151 more fill, and the last "a" needs a third.
        var text = A(152) + "€" + A(152);

        var budget = SmsBudget.Measure(text);

        Assert.Equal(306, budget.Units);
        Assert.Equal(3, budget.Parts);
    }

    [Fact]
    public void Measure_EmojiAtTheEndOfAUcs2Part_IsNeverSplitAcrossParts()
    {
        // 66 units, then a surrogate pair where 1 unit is left: the pair opens part 2 (2 + 66 = 68 > 67), so 3 parts.
        var text = "ê" + A(65) + "😀" + A(66);

        var budget = SmsBudget.Measure(text);

        Assert.Equal(new SmsBudget(SmsEncoding.Ucs2, 134, 3), budget);
    }

    [Theory]
    [InlineData(100, 60)]
    [InlineData(160, 0)]
    [InlineData(200, 106)]
    public void UnitsLeft_Gsm7_IsRoomBeforeTheNextPart(int length, int left)
    {
        Assert.Equal(left, SmsBudget.Measure(A(length)).UnitsLeft);
    }

    [Fact]
    public void UnitsLeft_Ucs2_UsesItsOwnLimits()
    {
        Assert.Equal(10, SmsBudget.Measure("ê" + A(59)).UnitsLeft);
        Assert.Equal(134 - 71, SmsBudget.Measure("ê" + A(70)).UnitsLeft);
    }

    [Theory]
    [InlineData(306, 2, true)]
    [InlineData(307, 2, false)]
    [InlineData(160, 1, true)]
    [InlineData(161, 1, false)]
    public void Fits_ComparesPartsWithTheMaximum(int length, int maxParts, bool fits)
    {
        Assert.Equal(fits, SmsBudget.Measure(A(length)).Fits(maxParts));
    }

    [Fact]
    public void DefaultMaxParts_IsTwo()
    {
        Assert.Equal(2, SmsBudget.DefaultMaxParts);
    }

    [Fact]
    public void Cost_IsOnePricePerPart_KeepingFractionsOfACent()
    {
        var twoParts = SmsBudget.Measure(A(200));

        var cost = twoParts.Cost(new SmsPrice(0.83m, "USD"));

        Assert.Equal(new SmsPrice(1.66m, "USD"), cost);
        Assert.Equal("0.0166 USD", cost.Format());
        Assert.Equal(new SmsPrice(7.9m, "EUR"), SmsBudget.Measure("ê").Cost(new SmsPrice(7.9m, "EUR")));
    }
}
