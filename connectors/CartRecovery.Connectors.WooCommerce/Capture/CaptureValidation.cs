namespace CartRecovery.Connectors.WooCommerce.Capture;

/// <summary>The result of <see cref="CaptureValidator.Validate"/>: the cart, or every rule it broke.</summary>
internal sealed record CaptureValidation(CapturedCart? Cart, IReadOnlyList<CaptureError> Errors)
{
    public bool IsValid => Cart is not null && Errors.Count == 0;
}
