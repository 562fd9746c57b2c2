namespace CartRecovery.Core.Sms;

/// <summary>How a text travels: the GSM 03.38 7-bit alphabet, or UCS-2 as soon as one character is outside it.</summary>
public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}
