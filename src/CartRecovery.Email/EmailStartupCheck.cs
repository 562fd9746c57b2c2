using CartRecovery.Core.Email;
using Microsoft.Extensions.Hosting;

namespace CartRecovery.Email;

/// <summary>
/// Takes the composer as a dependency so the host builds it while starting: a broken template then stops the app at
/// boot (naming the file, line and reason) instead of failing the first email hours later.
/// </summary>
internal sealed class EmailStartupCheck : IHostedService
{
    public EmailStartupCheck(IEmailComposer composer) => ArgumentNullException.ThrowIfNull(composer);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
