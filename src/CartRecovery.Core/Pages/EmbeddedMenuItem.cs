namespace CartRecovery.Core.Pages;

/// <summary>One entry of the app's menu in a platform's admin (<see cref="EmbeddedAdmin.Chrome"/>): an address and its words.</summary>
public sealed record EmbeddedMenuItem(string Href, string Label);
