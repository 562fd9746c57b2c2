namespace CartRecovery.Testing.Emulators.Shopify.GraphQl;

/// <summary>A document that does not parse; Shopify answers these with HTTP 200 and a "Parse error on ..." message.</summary>
internal sealed class GqlSyntaxException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}
