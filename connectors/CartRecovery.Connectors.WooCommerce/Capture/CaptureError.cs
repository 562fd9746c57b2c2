namespace CartRecovery.Connectors.WooCommerce.Capture;

/// <summary>One broken rule of a capture request, naming the field (<c>items[2].quantity</c>) and the rule.</summary>
internal sealed record CaptureError(string Field, string Message)
{
    public override string ToString() => $"{Field} {Message}";
}
