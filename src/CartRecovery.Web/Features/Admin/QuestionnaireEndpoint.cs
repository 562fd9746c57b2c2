using CartRecovery.Core.Sequences;
using CartRecovery.Web.Features.Api;

namespace CartRecovery.Web.Features.Admin;

/// <summary>
/// <c>POST /api/questionnaire</c>: five answers scored 1–5 (store size, product complexity, basket value, clientele,
/// brand positioning) → the recommended automation level and the preset that carries it out. A sixth, optional answer
/// (<c>smsConsent</c>: the customers agree to texts) may add an SMS step, with why (or why not) in <c>smsAdvice</c>.
/// </summary>
internal static class QuestionnaireEndpoint
{
    public sealed record QuestionnaireRequest(int? StoreSize, int? ProductComplexity, int? BasketValue, int? Clientele, int? BrandPositioning,
        bool? SmsConsent = null);

    public sealed record QuestionnaireResponse(int Score, AutomationLevel Level, string Sequence, IReadOnlyList<QuestionnaireStep> Steps,
        double? SmsStepDelayHours, string? SmsAdvice);

    public sealed record QuestionnaireStep(int Number, double DelayHours, string Kind, string Template, bool Offer);

    /// <summary>Each answer must be a score from 1 to 5; the errors are keyed by the JSON field.</summary>
    internal static Dictionary<string, string[]> Check(QuestionnaireRequest? request)
    {
        var answers = new (string Field, int? Value)[]
        {
            ("storeSize", request?.StoreSize), ("productComplexity", request?.ProductComplexity), ("basketValue", request?.BasketValue),
            ("clientele", request?.Clientele), ("brandPositioning", request?.BrandPositioning),
        };
        return answers.Where(a => a.Value is not (>= 1 and <= 5))
            .ToDictionary(a => a.Field, a => new[] { $"{a.Field} must be a score from 1 to 5" });
    }

    public static RouteGroupBuilder MapQuestionnaire(this RouteGroupBuilder api)
    {
        api.MapPost("/questionnaire", (QuestionnaireRequest? request) =>
        {
            var errors = Check(request);
            if (errors.Count > 0)
                return Results.ValidationProblem(errors);

            var result = AutomationQuestionnaire.Recommend(new(request!.StoreSize!.Value, request.ProductComplexity!.Value,
                request.BasketValue!.Value, request.Clientele!.Value, request.BrandPositioning!.Value, request.SmsConsent ?? false));
            return Results.Ok(new QuestionnaireResponse(result.Score, result.Level, result.Sequence.Name, result.Sequence.Steps
                .Select(s => new QuestionnaireStep(s.Number, s.Delay.TotalHours, s.Kind.ToString(), s.Template, s.Offer is not null)).ToList(),
                result.AddSmsStep ? AutomationQuestionnaire.SmsStepDelay.TotalHours : null, result.SmsAdvice));
        }).Describe<QuestionnaireResponse>(ApiDescriptions.Sequences, "Recommend an automation level and the preset that carries it out from five 1-5 scores", 400);
        return api;
    }
}
