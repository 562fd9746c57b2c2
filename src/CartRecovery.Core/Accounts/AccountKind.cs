namespace CartRecovery.Core.Accounts;

/// <summary>A merchant runs one brand (one or more shops); an agency runs many client shops.</summary>
public enum AccountKind
{
    Merchant = 0,
    Agency = 1,
}
