using CartRecovery.Core.Sms;

namespace CartRecovery.Core.Tests.Sms;

public sealed class SmsKeywordsTests
{
    [Theory]
    [InlineData("STOP", SmsKeyword.Stop)]
    [InlineData(" stop. ", SmsKeyword.Stop)]
    [InlineData("Arrêt", SmsKeyword.Stop)]
    [InlineData("ARRET", SmsKeyword.Stop)]
    [InlineData("unsubscribe", SmsKeyword.Stop)]
    [InlineData("StopAll", SmsKeyword.Stop)]
    [InlineData("Cancel", SmsKeyword.Stop)]
    [InlineData("END", SmsKeyword.Stop)]
    [InlineData("quit!", SmsKeyword.Stop)]
    [InlineData("START", SmsKeyword.Start)]
    [InlineData("yes", SmsKeyword.Start)]
    [InlineData("Unstop", SmsKeyword.Start)]
    [InlineData("Please don't stop sending me deals", SmsKeyword.None)]
    [InlineData("", SmsKeyword.None)]
    [InlineData(null, SmsKeyword.None)]
    public void Read_InboundBody_IsTheWholeBodysKeyword(string? body, SmsKeyword keyword)
    {
        Assert.Equal(keyword, SmsKeywords.Read(body));
    }
}
