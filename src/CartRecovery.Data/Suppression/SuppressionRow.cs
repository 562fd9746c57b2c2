namespace CartRecovery.Data.Suppression;

/// <summary>One row of <c>suppressions</c> as listed.</summary>
internal sealed class SuppressionRow
{
    public long StoreId { get; set; }
    public string Email { get; set; } = "";
    public string Reason { get; set; } = "";
    public long CreatedAt { get; set; }
}
