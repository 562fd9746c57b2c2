using CartRecovery.Data;
using CartRecovery.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CartRecovery.Web.Features.Admin;

internal static class AdminServiceCollectionExtensions
{
    public static IServiceCollection AddAdminApi(this IServiceCollection services)
    {
        services.AddSingleton<StoreSending>();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddSingleton(sp =>
        {
            var configured = sp.GetRequiredService<IOptions<AdminOptions>>().Value.ApiKey;
            var key = string.IsNullOrWhiteSpace(configured)
                ? LocalSecrets.GetOrCreateText(sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory, "admin-api-key")
                : configured;
            return new AdminKey(key);
        });
        // Use cases the API and the pages share.
        services.AddScoped<Tasks.TaskActions>();
        services.AddScoped<TemplateOverrides>();
        services.AddScoped<Sequences.SequenceChanges>();
        return services;
    }
}
