using CartRecovery.Core.Sequences;
using CartRecovery.Core.Sms;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Sequences;
using CartRecovery.Web.Pages.AppShell;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CartRecovery.Web.Pages.Sequences;

/// <summary>
/// <c>/app/sequences/questionnaire</c>: the five factors scored 1–5 (the API's questionnaire and its checks), the
/// recommended preset with why, and a button to use it for the shop.
/// </summary>
internal sealed class QuestionnaireModel(WorkspaceLoader loader, SequenceChanges changes, ISmsSettingsRepository smsSettings,
    IStringLocalizer<QuestionnaireModel> texts)
    : AppPageModel(loader)
{
    /// <summary>The five factors: the API's field, and the words at each end of the scale.</summary>
    public static readonly IReadOnlyList<(string Field, string Question, string Low, string High)> Factors =
    [
        ("storeSize", "How big is your shop?", "A few orders a week", "Hundreds of orders a day"),
        ("productComplexity", "How complex are your products?", "Simple, self-explanatory", "Configurable, needs advice"),
        ("basketValue", "How large is a typical basket?", "Small", "Large"),
        ("clientele", "How many of your customers come back?", "Few regulars", "Mostly returning customers"),
        ("brandPositioning", "How is your brand positioned?", "Premium, personal service", "Mass market"),
    ];

    [BindProperty(SupportsGet = true)] public int? StoreSize { get; set; }
    [BindProperty(SupportsGet = true)] public int? ProductComplexity { get; set; }
    [BindProperty(SupportsGet = true)] public int? BasketValue { get; set; }
    [BindProperty(SupportsGet = true)] public int? Clientele { get; set; }
    [BindProperty(SupportsGet = true)] public int? BrandPositioning { get; set; }

    public AutomationRecommendation? Recommendation { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public bool Answered => Request.Query.ContainsKey("storeSize");

    public override string Title => texts["Which sequence suits my shop?"];

    public int? Answer(string field) => field switch
    {
        "storeSize" => StoreSize, "productComplexity" => ProductComplexity, "basketValue" => BasketValue,
        "clientele" => Clientele, _ => BrandPositioning,
    };

    // The sixth answer comes from the shop itself: texts turned on in its SMS settings mean its customers may consent to them.
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Answered)
            return Page();
        var request = new QuestionnaireEndpoint.QuestionnaireRequest(StoreSize, ProductComplexity, BasketValue, Clientele, BrandPositioning);
        Errors = QuestionnaireEndpoint.Check(request);
        if (Errors.Count == 0)
        {
            var texts = Workspace.StoreOrFirst is { } shop && (await smsSettings.GetAsync(shop.Id, ct)).Enabled;
            Recommendation = AutomationQuestionnaire.Recommend(new(StoreSize!.Value, ProductComplexity!.Value, BasketValue!.Value, Clientele!.Value,
                BrandPositioning!.Value, texts));
        }
        return Page();
    }

    /// <summary>Uses the recommended preset for the shop (as the sequences page's "Use this preset").</summary>
    public async Task<IActionResult> OnPostUseAsync(string preset, CancellationToken ct)
    {
        if (Workspace.StoreOrFirst is not { } shop || !SequencePresets.TryFind(preset, out var chosen))
            return NotFound();
        await changes.UsePresetAsync(shop, chosen, ct);
        TempData["Done"] = texts["New carts now use the {0} preset.", texts[SequenceWords.Preset(chosen.Name)]].Value;
        return Redirect(Link("/app/sequences", shop.Id));
    }
}
