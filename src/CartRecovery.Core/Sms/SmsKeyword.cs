namespace CartRecovery.Core.Sms;

/// <summary>What an inbound text asks for, read the way carriers and Twilio's Advanced Opt-Out read it.</summary>
public enum SmsKeyword
{
    None,
    /// <summary>STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, and the French ARRET/ARRÊT: suppress the number for the store.</summary>
    Stop,
    /// <summary>START, YES, UNSTOP: the customer subscribes again.</summary>
    Start,
}
