using CartRecovery.Email.Postmark.Sending;
using CartRecovery.Email.Postmark.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CartRecovery.Email.Postmark;

public static class PostmarkServiceCollectionExtensions
{
    /// <summary>The longest wait between two attempts.</summary>
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Registers the Postmark options (section <c>Postmark</c>, validated at startup), the <see cref="PostmarkClient"/>
    /// typed HTTP client with its retry pipeline, <see cref="PostmarkTransport"/> as a concrete singleton, and the webhook's
    /// options (section <c>PostmarkWebhooks</c>). It does not
    /// register <see cref="Core.Email.IEmailTransport"/>: the host picks the transport from <c>Email:Transport</c>
    /// (with <see cref="Transport"/>), and only then is the server token required.
    /// </summary>
    public static IServiceCollection AddPostmarkEmail(this IServiceCollection services)
    {
        services.AddOptions<PostmarkOptions>().BindConfiguration(PostmarkOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostmarkOptions>, PostmarkOptionsValidator>());

        services.AddHttpClient<PostmarkClient>(static (sp, http) =>
            {
                // Each attempt has its own timeout inside the pipeline; this outer bound covers the retries and their waits.
                var options = sp.GetRequiredService<IOptions<PostmarkOptions>>().Value;
                http.Timeout = options.Timeout * (options.MaxRetries + 1) + MaxRetryDelay * options.MaxRetries + TimeSpan.FromSeconds(10);
            })
            // PostmarkTransport is a singleton holding one client: connections are recycled by the pool, not by rotating
            // handlers. A connection that cannot open within half an attempt is a failure nothing was sent on (retried).
            // UseSocketsHttpHandler configures the host's handler (which guards outbound connections), not a new one.
            .UseSocketsHttpHandler(static (handler, sp) =>
            {
                handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5);
                handler.ConnectTimeout = sp.GetRequiredService<IOptions<PostmarkOptions>>().Value.Timeout / 2;
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("postmark", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<PostmarkOptions>>().Value;
                // Waits between attempts are real network waits: a test's fake clock must not freeze them.
                pipeline.TimeProvider = TimeProvider.System;
                if (options.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetries,
                        Delay = options.RetryBaseDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        MaxDelay = MaxRetryDelay,
                        ShouldRetryAfterHeader = true,
                        // Why POST /email is retried only on 429, 503 and unopened connections: see PostmarkRetryRules.
                        ShouldHandle = static args => ValueTask.FromResult(PostmarkRetryRules.ShouldRetry(
                            args.Context.GetRequestMessage()?.Method, args.Outcome.Result, args.Outcome.Exception,
                            args.Context.CancellationToken)),
                    });
                }
                pipeline.AddTimeout(options.Timeout);
            });

        services.TryAddSingleton<PostmarkTransport>();
        // Postmark's webhook (PostmarkEmailEndpoints.MapPostmarkEmail) is open to whoever knows these credentials.
        services.AddOptions<PostmarkWebhookOptions>().BindConfiguration(PostmarkWebhookOptions.Section);
        return services;
    }

    /// <summary>The Postmark transport registered by <see cref="AddPostmarkEmail"/>, for the host's transport table.</summary>
    public static Core.Email.IEmailTransport Transport(IServiceProvider services) => services.GetRequiredService<PostmarkTransport>();
}
