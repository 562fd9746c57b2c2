namespace CartRecovery.Core.Email;

/// <summary>A store's template overrides, one per (store, name, locale, part).</summary>
public interface ITemplateRepository
{
    /// <summary>The store's overrides, ordered by name, locale and part.</summary>
    Task<IReadOnlyList<StoreTemplate>> ListAsync(long storeId, CancellationToken ct);

    /// <summary>Inserts or replaces the override of (store, name, locale, part). The caller has validated the source.</summary>
    Task SaveAsync(StoreTemplate storeTemplate, CancellationToken ct);

    /// <summary>Removes one override; false when there was none.</summary>
    Task<bool> DeleteAsync(long storeId, string name, string locale, string part, CancellationToken ct);
}
