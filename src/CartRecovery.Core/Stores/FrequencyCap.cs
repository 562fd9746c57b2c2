namespace CartRecovery.Core.Stores;

/// <summary>At most <see cref="MaxEmails"/> recovery emails to one address within any <see cref="Window"/>; 0 turns the cap off.</summary>
public sealed record FrequencyCap(int MaxEmails, TimeSpan Window)
{
    /// <summary>Two emails a week: a reminder and one follow-up, not a campaign.</summary>
    public static readonly FrequencyCap Default = new(2, TimeSpan.FromDays(7));

    public static readonly FrequencyCap Off = new(0, TimeSpan.FromDays(7));

    public bool IsOff => MaxEmails <= 0;
}
