using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Web.Tests;

public static class ServiceDecoration
{
    /// <summary>Registers <paramref name="decorate"/> around the app's last registration of <typeparamref name="T"/> (a singleton from then on).</summary>
    public static IServiceCollection Decorate<T>(this IServiceCollection services, Func<T, T> decorate) where T : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(decorate);
        var real = services.Last(d => d.ServiceType == typeof(T));
        return services.AddSingleton(sp => decorate((T)(real.ImplementationInstance
            ?? real.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, real.ImplementationType!))));
    }
}
