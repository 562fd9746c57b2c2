namespace CartRecovery.Core.Restore;

public enum TokenState
{
    Valid,
    /// <summary>Authentic but past its expiry: the message is known, the link is dead.</summary>
    Expired,
    /// <summary>Malformed, forged, altered, or signed for another purpose.</summary>
    Invalid,
}

/// <summary>The result of checking a token. <see cref="MessageId"/> is set for Valid and Expired tokens.</summary>
public readonly record struct TokenCheck(TokenState State, long MessageId)
{
    public static TokenCheck Invalid => new(TokenState.Invalid, 0);
}
