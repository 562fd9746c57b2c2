using System.CommandLine;
using CartRecovery.Core.Email;
using CartRecovery.Core.Recovery;
using CartRecovery.Core.Sequences;
using CartRecovery.Core.Stores;
using CartRecovery.Web.Features.Admin;

namespace CartRecovery.Web.Cli;

/// <summary>
/// <c>send-test &lt;storeId&gt; &lt;email&gt;</c>: the store's first email step rendered for a sample cart (as the preview
/// shows it) and sent through the configured transport to one address, with "[Test]" before the subject. Nothing is
/// stored, no discount code is created.
/// </summary>
internal static class SendTestCommand
{
    public static Command Create(CliContext context)
    {
        var storeId = new Argument<long>("storeId") { Description = "The store whose branding, sender and templates to use" };
        var email = CliContext.Argument<string>("email", "Where to send the test email");
        var command = CliContext.Verb("send-test", "Send the store's first email step, for a sample cart, to one address");
        command.Arguments.Add(storeId);
        command.Arguments.Add(email);
        command.SetAction((parse, ct) => context.WithServicesAsync(parse, async (services, token) =>
        {
            var to = parse.GetRequiredValue(email).Trim();
            if (!ApiResults.IsEmail(to))
            {
                await context.Error.WriteLineAsync($"email: '{to}' is not a valid address");
                return Cli.UsageError;
            }
            var id = parse.GetValue(storeId);
            if (await services.GetRequiredService<IStoreRepository>().GetAsync(id, token) is not { } store)
            {
                await context.Error.WriteLineAsync($"storeId: there is no store {id}");
                return 1;
            }
            if (SequencePresets.Find(store.Sequence).Steps.FirstOrDefault(s => s.Kind == StepKind.Email) is not { } step)
            {
                await context.Error.WriteLineAsync($"store {id}: its sequence '{store.Sequence}' has no email step");
                return 1;
            }

            var time = services.GetRequiredService<TimeProvider>();
            var recovery = services.GetRequiredService<RecoveryOptions>();
            var model = PreviewEndpoint.PreviewModel(store, PreviewEndpoint.SampleCart(store), step, services.GetRequiredService<LinkBuilder>(), time.GetUtcNow());
            var content = await services.GetRequiredService<IEmailComposer>().ComposeAsync(model, token);
            var message = RecoveryEmail.Create(model, content with { Subject = "[Test] " + content.Subject }, recovery.PublicBaseUrl.Host) with
            {
                // Not a stored message: its own ids, so that no test replaces the last one's file and mailboxes do not
                // drop it as a repeat of an earlier Message-ID.
                MessageId = EmailMessage.NewUnstoredId(),
                InternetMessageId = $"test-{Guid.NewGuid():N}@{recovery.PublicBaseUrl.Host}",
                To = to,
                ToName = null,
                Tag = "test",
            };
            var providerId = await services.GetRequiredService<IEmailTransport>().SendAsync(message, token);
            await context.Output.WriteLineAsync($"Sent step {step.Number} ({step.Template}) of store {store.Id} to {to}{(providerId is null ? "" : $" (provider id {providerId})")}.");
            return 0;
        }, ct));
        return command;
    }
}
