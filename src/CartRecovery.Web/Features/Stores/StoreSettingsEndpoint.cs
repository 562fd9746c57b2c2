using System.Text.RegularExpressions;
using CartRecovery.Core.Outbound;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.Api;
using CartRecovery.Web.Features.Audit;
using CartRecovery.Web.Features.Auth;

namespace CartRecovery.Web.Features.Stores;

/// <summary>
/// <c>PATCH /api/stores/{id}</c>: the merchant's settings — sender, reply-to, branding (logo, button colour, postal
/// address), provider stream, locale, time zone, abandonment cut-off, sequence. Omitted fields stay as they are; an
/// empty string clears an optional one. Every field is validated before anything is saved.
/// </summary>
internal static partial class StoreSettingsEndpoint
{
    public sealed record StoreSettingsRequest(
        string? SenderEmail, string? SenderName, string? ReplyTo, string? LogoUrl, string? BrandColor, string? PostalAddress,
        string? MessageStream, string? Locale, string? TimeZone, int? AbandonAfterMinutes, string? Sequence);

    public static RouteGroupBuilder MapStoreSettings(this RouteGroupBuilder api)
    {
        api.MapPatch("/stores/{id:long}", UpdateAsync)
            .RequireAuthorization(CallerPolicies.Member)
            .Describe<StoreDto>(ApiDescriptions.Stores, "Change the store's settings (omitted fields stay, an empty string clears)", 400, 404);
        return api;
    }

    private static async Task<IResult> UpdateAsync(long id, StoreSettingsRequest? request, StoreAccess stores, IStoreRepository repository,
        OutboundOptions outbound, AuditTrail audit, CancellationToken ct)
    {
        if (await stores.GetAsync(id, ct) is not { } store)
            return ApiResults.StoreNotFound(id);
        if (request is null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["a JSON body is required"] });

        var errors = new Dictionary<string, string[]>();
        void Check(bool ok, string field, string rule)
        {
            if (!ok)
                errors[field] = [rule];
        }

        Check(request.SenderEmail is null || ApiResults.IsEmail(request.SenderEmail), "senderEmail", "senderEmail must be a valid address");
        Check(request.SenderName is null || (request.SenderName.Trim().Length is > 0 and <= 100 && !DisplayText.HasForbiddenCharacters(request.SenderName)),
            "senderName", "senderName must be 1 to 100 characters on one line, without control characters");
        Check(request.ReplyTo is null or "" || ApiResults.IsEmail(request.ReplyTo), "replyTo", "replyTo must be a valid address (or empty to clear it)");
        // Mail clients fetch the logo: https only (whatever Outbound:AllowHttp says), no credentials, no private address.
        if (request.LogoUrl is { Length: > 0 } logoText && LogoProblem(logoText, outbound) is { } logoProblem)
            errors["logoUrl"] = [logoProblem];
        Check(request.BrandColor is null or "" || HexColor().IsMatch(request.BrandColor), "brandColor", "brandColor must be #RRGGBB (or empty)");
        Check(request.PostalAddress is null || request.PostalAddress.Length <= 300, "postalAddress", "postalAddress must be at most 300 characters");
        Check(request.MessageStream is null or "" || StreamId().IsMatch(request.MessageStream), "messageStream",
            "messageStream must be a stream id: lower-case letters, digits and dashes (or empty for the default)");
        Check(request.Locale is null || LocaleCode().IsMatch(request.Locale), "locale", "locale must look like en or fr-FR");
        Check(request.TimeZone is null || TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone, out _), "timeZone", "timeZone must be an IANA time zone such as Europe/Paris");
        Check(request.AbandonAfterMinutes is null or (>= 1 and <= 10080), "abandonAfterMinutes", "abandonAfterMinutes must be between 1 and 10080 (a week)");
        Check(request.Sequence is null || SequencePresets.TryFind(request.Sequence, out _), "sequence",
            $"sequence must be one of {string.Join(", ", SequencePresets.Names)}");
        if (errors.Count > 0)
            return Results.ValidationProblem(errors);

        var updated = await repository.UpsertAsync(store with
        {
            SenderEmail = request.SenderEmail?.Trim() ?? store.SenderEmail,
            SenderName = request.SenderName?.Trim() ?? store.SenderName,
            ReplyTo = Optional(request.ReplyTo, store.ReplyTo),
            LogoUrl = Optional(request.LogoUrl, store.LogoUrl),
            BrandColor = Optional(request.BrandColor, store.BrandColor),
            PostalAddress = Optional(request.PostalAddress, store.PostalAddress),
            MessageStream = Optional(request.MessageStream, store.MessageStream),
            Locale = request.Locale ?? store.Locale,
            TimeZone = request.TimeZone ?? store.TimeZone,
            AbandonAfter = request.AbandonAfterMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : store.AbandonAfter,
            Sequence = request.Sequence is { } preset ? SequencePresets.Find(preset).Name : store.Sequence,
        }, ct);
        await audit.RecordAsync(updated, "store.settings", StoreDto.From(store), StoreDto.From(updated), ct);
        return Results.Ok(StoreDto.From(updated));
    }

    private static string? LogoProblem(string text, OutboundOptions outbound) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var logo)
            ? OutboundUrlPolicy.Check(logo, new OutboundOptions { AllowPrivateNetworks = outbound.AllowPrivateNetworks }, "logoUrl")
            : "logoUrl must be an absolute https URL (or empty)";

    /// <summary>null keeps the current value, "" clears it, anything else replaces it.</summary>
    private static string? Optional(string? requested, string? current) =>
        requested is null ? current : requested.Trim().Length == 0 ? null : requested.Trim();

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColor();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,49}$")]
    private static partial Regex StreamId();

    [GeneratedRegex("^[a-z]{2}(-[A-Z]{2})?$")]
    private static partial Regex LocaleCode();
}
