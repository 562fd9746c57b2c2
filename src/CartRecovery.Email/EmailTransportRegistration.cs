using CartRecovery.Core.Email;

namespace CartRecovery.Email;

/// <summary>
/// A transport that <c>Email:Transport</c> may name. Registrations are how the set of transports grows without this
/// project knowing each one: Postmark lives in its own project and registers itself the same way pickup and SMTP do.
/// </summary>
/// <param name="Name">The value of <c>Email:Transport</c> that selects it, compared ignoring case.</param>
/// <param name="Create">Builds the transport; called once, and only for the chosen one.</param>
public sealed record EmailTransportRegistration(string Name, Func<IServiceProvider, IEmailTransport> Create);
