namespace CartRecovery.Email.Templates.Limits;

/// <summary>
/// A template broke one of the <see cref="TemplateLimits"/>. Unlike a template that merely fails with a real cart,
/// the message that would have used it fails with this reason instead of being sent with the built-in template.
/// </summary>
public sealed class TemplateLimitException(string message) : InvalidOperationException(message);
