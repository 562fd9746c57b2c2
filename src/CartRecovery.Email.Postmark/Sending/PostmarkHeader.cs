namespace CartRecovery.Email.Postmark.Sending;

/// <summary>One entry of a message's <c>Headers</c> array: the API takes custom headers as Name/Value objects.</summary>
internal sealed record PostmarkHeader(string Name, string Value);
