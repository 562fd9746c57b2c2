using System.Text.RegularExpressions;
using CartRecovery.Core.Outbound;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Admin;
using static CartRecovery.Web.Features.Stores.StoreSettingsEndpoint;

namespace CartRecovery.Web.Features.Stores;

/// <summary>
/// The rules of a store's settings, for the API (<c>PATCH /api/stores/{id}</c>) and the settings page alike: every
/// field checked before anything is saved; omitted fields stay, an empty string clears an optional one.
/// </summary>
internal static partial class StoreSettingsRules
{
    /// <summary>The broken rules by field (the API's field names); empty when the request may be applied.</summary>
    public static Dictionary<string, string[]> Validate(StoreSettingsRequest request, OutboundOptions outbound)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(outbound);
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
        return errors;
    }

    /// <summary>The store with a valid request applied.</summary>
    public static Store Apply(Store store, StoreSettingsRequest request)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(request);
        return store with
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
        };
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
