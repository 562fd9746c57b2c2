namespace CartRecovery.Connectors.WooCommerce.Api;

/// <summary>One page of a collection with WordPress's paging headers <c>X-WP-Total</c> and <c>X-WP-TotalPages</c>.</summary>
internal sealed record WooCommercePage<T>(IReadOnlyList<T> Items, int Page, int Total, int TotalPages)
{
    public bool HasMore => Page < TotalPages;
}
