namespace CartRecovery.Connectors.WooCommerce.Capture;

/// <summary>What became of a capture: accepted under <see cref="CartExternalId"/>, or refused with its errors (reply 400).</summary>
internal sealed record CaptureResult(bool Accepted, string? CartExternalId, IReadOnlyList<CaptureError> Errors)
{
    public static CaptureResult Refused(IReadOnlyList<CaptureError> errors) => new(false, null, errors);
}
