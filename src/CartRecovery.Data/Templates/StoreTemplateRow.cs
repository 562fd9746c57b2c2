using CartRecovery.Core.Email;

namespace CartRecovery.Data.Templates;

/// <summary>One row of <c>store_templates</c>.</summary>
internal sealed class StoreTemplateRow
{
    public long StoreId { get; set; }
    public string Name { get; set; } = "";
    public string Locale { get; set; } = "";
    public string Part { get; set; } = "";
    public string Source { get; set; } = "";
    public long UpdatedAt { get; set; }

    public StoreTemplate ToStoreTemplate() => new(StoreId, Name, Locale, Part, Source, DbTime.FromDb(UpdatedAt));
}
