using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>customapi.bindingtype: what the API is bound to.</summary>
public enum CustomApiBindingType
{
    Global = 0,
    Entity = 1,
    EntityCollection = 2,
}

/// <summary>customapi.allowedcustomprocessingsteptype: whether other plug-ins may register on the API's message.</summary>
public enum AllowedCustomProcessingSteps
{
    None = 0,
    AsyncOnly = 1,
    SyncAndAsync = 2,
}

/// <summary>
/// One custom API, declared once: <c>crmx generate customapis</c> writes its customapis/ XML and the web resources'
/// TypeScript names from it, and the handler reads and writes its parameters through the typed members.
/// Declare it as a public static readonly field of a static class in this folder; the generator finds it by reflection.
/// </summary>
public sealed class CustomApiDefinition
{
    public CustomApiDefinition(
        string uniqueName,
        Type pluginType,
        LocalizedText displayName,
        LocalizedText description,
        string executePrivilegeName,
        IReadOnlyList<CustomApiField> request,
        IReadOnlyList<CustomApiField> response)
    {
        if (string.IsNullOrWhiteSpace(uniqueName)) throw new ArgumentException("A custom API needs its unique name.", nameof(uniqueName));
        UniqueName = uniqueName;
        PluginType = pluginType ?? throw new ArgumentNullException(nameof(pluginType));
        DisplayName = displayName ?? throw new ArgumentNullException(nameof(displayName));
        Description = description ?? throw new ArgumentNullException(nameof(description));
        ExecutePrivilegeName = executePrivilegeName;
        RequestParameters = Checked(request, "request parameter", response: false);
        ResponseProperties = Checked(response, "response property", response: true);
    }

    public string UniqueName { get; }

    /// <summary>The plug-in that runs at stage 30 (customapi.plugintypeid).</summary>
    public Type PluginType { get; }

    public LocalizedText DisplayName { get; }

    public LocalizedText Description { get; }

    /// <summary>A privilege the caller must hold to call the API at all (customapi.executeprivilegename).</summary>
    public string ExecutePrivilegeName { get; }

    public CustomApiBindingType BindingType { get; init; } = CustomApiBindingType.Global;

    /// <summary>The table of an Entity or EntityCollection binding; null for a global API.</summary>
    public string? BoundTable { get; init; }

    /// <summary>A function is called with GET and must not change data.</summary>
    public bool IsFunction { get; init; }

    /// <summary>A private API is left out of the Web API's $metadata.</summary>
    public bool IsPrivate { get; init; }

    public AllowedCustomProcessingSteps AllowedCustomProcessingSteps { get; init; } = AllowedCustomProcessingSteps.None;

    public IReadOnlyList<CustomApiField> RequestParameters { get; }

    public IReadOnlyList<CustomApiField> ResponseProperties { get; }

    public override string ToString() => UniqueName;

    private IReadOnlyList<CustomApiField> Checked(IReadOnlyList<CustomApiField> fields, string kind, bool response)
    {
        if (fields is null) throw new ArgumentNullException(kind);
        var duplicate = fields.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"{UniqueName} declares the {kind} {duplicate.Key} twice.", kind);
        if (fields.Any(f => f.IsResponse != response))
        {
            throw new ArgumentException($"{UniqueName} lists a field of the wrong kind among its {kind}s.", kind);
        }

        return fields.ToArray();
    }
}
