using Fluid;

namespace CartRecovery.Email.Templates;

/// <summary>The three parsed parts of one named template (<c>reminder</c>, <c>offer</c>, ...).</summary>
internal sealed record EmailTemplate(string Name, IFluidTemplate Subject, IFluidTemplate Html, IFluidTemplate Text);
