using System.CommandLine;
using CartRecovery.Core.Accounts;
using CartRecovery.Web.Features.Admin;
using CartRecovery.Web.Features.SignIn;

namespace CartRecovery.Web.Cli;

/// <summary>
/// <c>accounts sign-in-link &lt;email&gt;</c>: prints a fresh single-use sign-in link for a person who already exists
/// (the first owner of a fresh deployment, someone whose mail does not arrive). Nothing is emailed.
/// </summary>
internal static class AccountsCommand
{
    public static Command Create(CliContext context) =>
        Cli.Group(context, "accounts", "People and their accounts", SignInLink(context));

    private static Command SignInLink(CliContext context)
    {
        var email = CliContext.Argument<string>("email", "The person's email address");
        var command = CliContext.Verb("sign-in-link", "Print a single-use sign-in link (15 minutes) for an existing person");
        command.Arguments.Add(email);
        command.SetAction((parse, ct) => context.WithServicesAsync(parse, async (services, token) =>
        {
            var address = parse.GetRequiredValue(email).Trim();
            if (!ApiResults.IsEmail(address))
            {
                await context.Error.WriteLineAsync($"email: '{address}' is not a valid address");
                return Cli.UsageError;
            }
            var links = services.GetRequiredService<SignInLinks>();
            if (!await links.CanSignInAsync(address, token))
            {
                await context.Error.WriteLineAsync($"email: nobody with this address belongs to an account");
                return 1;
            }
            var link = await links.IssueAsync(address, "cli", null, token);
            await context.Output.WriteLineAsync(link.AbsoluteUri);
            return 0;
        }, ct));
        return command;
    }
}
