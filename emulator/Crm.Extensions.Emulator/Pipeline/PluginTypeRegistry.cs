using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Crm.Extensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Pipeline;

/// <summary>
/// Finds plugin types by the names in the solution XML, in the assemblies handed to the emulator, and keeps
/// one instance per step built with its (unsecure, secure) configuration, reused like Dataverse's cached instances.
/// </summary>
internal sealed class PluginTypeRegistry
{
    private readonly List<Assembly> _assemblies = new();
    private readonly ConcurrentDictionary<Guid, IPlugin> _instances = new();
    private readonly Dictionary<Guid, string> _secureConfigurations = new();

    public void AddAssembly(Assembly assembly)
    {
        if (!_assemblies.Contains(assembly)) _assemblies.Add(assembly);
    }

    public void SetSecureConfiguration(Guid stepId, string secure) => _secureConfigurations[stepId] = secure;

    public int InstanceCount => _instances.Count;

    public IPlugin InstanceFor(StepRegistration step)
        => _instances.GetOrAdd(step.Id, _ => Construct(step.PluginTypeName, step.UnsecureConfiguration,
        _secureConfigurations.TryGetValue(step.Id, out var secure) ? secure : step.SecureConfiguration));

    /// <summary>Custom API main operations are cached per API, keyed by a stable id derived from its name.</summary>
    public IPlugin InstanceFor(CustomApiMetadata api) =>
        _instances.GetOrAdd(StableId(api.UniqueName), _ => Construct(api.PluginTypeName!, null, null));

    public Type Resolve(string typeName)
    {
        var type = _assemblies.Select(a => a.GetType(typeName, throwOnError: false)).FirstOrDefault(t => t is not null);
        if (type is null)
        {
            throw new InvalidOperationException(
                $"Plugin type {typeName} is named in the solution but is not in the assemblies given to the emulator " +
                $"({string.Join(", ", _assemblies.Select(a => a.GetName().Name))}).");
        }

        if (!typeof(IPlugin).IsAssignableFrom(type)) throw new InvalidOperationException($"{typeName} does not implement IPlugin.");
        return type;
    }

    private IPlugin Construct(string typeName, string? unsecure, string? secure)
    {
        var type = Resolve(typeName);
        var withBoth = type.GetConstructor(new[] { typeof(string), typeof(string) });
        if (withBoth is not null) return (IPlugin)withBoth.Invoke(new object?[] { unsecure, secure });
        var withUnsecure = type.GetConstructor(new[] { typeof(string) });
        if (withUnsecure is not null) return (IPlugin)withUnsecure.Invoke(new object?[] { unsecure });
        return (IPlugin)(Activator.CreateInstance(type) ?? throw new InvalidOperationException($"Cannot construct {typeName}."));
    }

    private static Guid StableId(string name)
    {
        var bytes = new byte[16];
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("customapi:" + name));
        Array.Copy(hash, bytes, 16);
        return new Guid(bytes);
    }
}
