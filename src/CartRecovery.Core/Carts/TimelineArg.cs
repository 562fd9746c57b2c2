namespace CartRecovery.Core.Carts;

/// <summary>
/// One argument of a <see cref="TimelineEntry"/>, kept as data so each reader formats it in their own language:
/// a number, a piece of text written by someone else (a sequence's name, a provider's error), an amount of money, an
/// instant, or a nested reason. Exactly one of them is set (an amount is <see cref="Number"/> with <see cref="Currency"/>).
/// </summary>
public sealed record TimelineArg
{
    public long? Number { get; init; }
    public string? Text { get; init; }
    public string? Currency { get; init; }
    public DateTimeOffset? At { get; init; }
    public TimelineEntry? Reason { get; init; }

    public static TimelineArg Of(long number) => new() { Number = number };

    public static TimelineArg Of(string text) => new() { Text = text };

    public static TimelineArg Of(TimelineEntry reason) => new() { Reason = reason };

    public static TimelineArg Money(long minor, string currency) => new() { Number = minor, Currency = currency };

    public static TimelineArg Instant(DateTimeOffset at) => new() { At = at };
}
