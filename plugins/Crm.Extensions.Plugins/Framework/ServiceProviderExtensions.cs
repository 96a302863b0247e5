using System;

namespace Crm.Extensions.Plugins.Framework;

internal static class ServiceProviderExtensions
{
    /// <summary>A platform service Dataverse always supplies to a plugin; its absence is a host fault, not a user error.</summary>
    public static T Get<T>(this IServiceProvider services) where T : class =>
        services.GetService(typeof(T)) as T
        ?? throw new InvalidOperationException($"The plugin host did not supply {typeof(T).Name}.");
}
