using CartRecovery.Core.Email;

namespace CartRecovery.Web.Features.Admin;

/// <summary>
/// The store's saved template parts with one unsaved part in its place, so the editor's preview renders the draft
/// through the real composer. A preview never writes: saving and deleting are refused.
/// </summary>
internal sealed class DraftTemplateRepository(ITemplateRepository saved, StoreTemplate draft) : ITemplateRepository
{
    public async Task<IReadOnlyList<StoreTemplate>> ListAsync(long storeId, CancellationToken ct) =>
        (await saved.ListAsync(storeId, ct))
            .Where(t => !(t.Name == draft.Name && t.Locale == draft.Locale && t.Part == draft.Part))
            .Append(draft)
            .ToList();

    public Task SaveAsync(StoreTemplate storeTemplate, CancellationToken ct) => throw new NotSupportedException("A preview saves nothing.");

    public Task<bool> DeleteAsync(long storeId, string name, string locale, string part, CancellationToken ct) =>
        throw new NotSupportedException("A preview deletes nothing.");
}
