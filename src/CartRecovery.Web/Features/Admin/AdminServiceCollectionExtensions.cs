using CartRecovery.Data;
using CartRecovery.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.Admin;

internal static class AdminServiceCollectionExtensions
{
    /// <summary>The generated key's file name under <c>{Storage:DataDirectory}/secrets</c>.</summary>
    public const string AdminKeyFile = "admin-api-key";

    public static IServiceCollection AddAdminApi(this IServiceCollection services)
    {
        services.AddSingleton<StoreSending>();
        services.AddSingleton<Sms.SmsSettingsChanges>();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddSingleton(sp =>
        {
            var configured = sp.GetRequiredService<IOptions<AdminOptions>>().Value.ApiKey;
            if (!string.IsNullOrWhiteSpace(configured))
                return new AdminKey(configured);
            var dataDirectory = sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory;
            return new AdminKey(LocalSecrets.GetOrCreateText(dataDirectory, AdminKeyFile), LocalSecrets.PathOf(dataDirectory, AdminKeyFile));
        });
        // Use cases the API and the pages share.
        services.AddScoped<Tasks.TaskActions>();
        services.AddScoped<TemplateOverrides>();
        services.AddScoped<Sequences.SequenceChanges>();
        services.AddSingleton<Sequences.SmsStepCheck>();
        return services;
    }
}
