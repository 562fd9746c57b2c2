namespace CartRecovery.Core.Accounts;

/// <summary>What a person or a key may do in an account; each role includes the ones below it.</summary>
public enum AccountRole
{
    /// <summary>Reads everything the account may see; changes nothing.</summary>
    Viewer = 0,
    /// <summary>Daily work: carts, sequences, templates, tasks, store settings.</summary>
    Member = 1,
    /// <summary>Everything, including the team and the API keys.</summary>
    Owner = 2,
}
