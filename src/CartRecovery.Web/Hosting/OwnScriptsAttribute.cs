namespace CartRecovery.Web.Hosting;

/// <summary>
/// Endpoint metadata: the page loads our own script files (<c>script-src 'self'</c>, still no inline script). Pages
/// without it run no script at all.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
internal sealed class OwnScriptsAttribute : Attribute;
