using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Metadata;
using Crm.Extensions.Cli.Packaging;

namespace Crm.Extensions.Cli.Generation;

/// <summary>
/// A plugin type as registered: the class name and, for a custom workflow activity, its designer group and the friendly
/// name the designer shows. A plugin's FriendlyName is a GUID, as the Plugin Registration Tool writes it; a workflow
/// activity's is its display name, as solutions exported with custom workflow activities carry it.
/// </summary>
public sealed record RegisteredType(string FullName, string? WorkflowActivityGroup = null, string? DisplayName = null);

/// <summary>PluginAssemblies/&lt;Asm&gt;-&lt;ID&gt;/&lt;Asm&gt;.dll.data.xml, the assembly's registration with its plugin types.</summary>
public static class PluginAssemblyXml
{
    /// <summary>2: sandbox isolation, the only mode Dataverse online accepts.</summary>
    private const int SandboxIsolation = 2;

    public static Guid AssemblyId(string assemblyName) => DeterministicGuid.Create($"pluginassembly:{assemblyName}");

    public static Guid PluginTypeId(string typeFullName) => DeterministicGuid.Create($"plugintype:{typeFullName}");

    public static string FullName(string name, Version? version, byte[]? publicKeyToken) =>
        $"{name}, Version={version}, Culture=neutral, " +
        $"PublicKeyToken={(publicKeyToken is { Length: > 0 } ? Convert.ToHexStringLower(publicKeyToken) : "null")}";

    public static void Write(string folder, string assemblyName, string fullName, IEnumerable<RegisteredType> types)
    {
        var assemblyId = AssemblyId(assemblyName);
        var assemblyFolder = $"{assemblyName}-{assemblyId.ToString("D").ToUpperInvariant()}";
        var assembly = new XElement("PluginAssembly", new XAttribute("FullName", fullName),
            new XAttribute("PluginAssemblyId", assemblyId.ToString("D")),
            new XAttribute("CustomizationLevel", "1"), new XAttribute(XNamespace.Xmlns + "xsi", Xml.Xsi),
            new XElement("IsolationMode", SandboxIsolation),
            new XElement("SourceType", "0"),
            new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
            new XElement("FileName", $"/{SourceLayout.PluginAssembliesFolder}/{assemblyFolder}/{assemblyName}.dll"),
            new XElement("PluginTypes", types.OrderBy(t => t.FullName, StringComparer.Ordinal).Select(t => new XElement("PluginType",
                new XAttribute("AssemblyQualifiedName", $"{t.FullName}, {fullName}"),
                new XAttribute("PluginTypeId", PluginTypeId(t.FullName).ToString("D")),
                new XAttribute("Name", t.FullName),
                new XElement("FriendlyName", t.DisplayName ?? PluginTypeId(t.FullName).ToString("D")),
                t.WorkflowActivityGroup is null ? null : new XElement("WorkflowActivityGroupName", t.WorkflowActivityGroup)))));

        var assembliesRoot = Path.Combine(folder, SourceLayout.PluginAssembliesFolder);
        foreach (var stale in Directory.Exists(assembliesRoot) ? Directory.GetDirectories(assembliesRoot, assemblyName + "-*") : [])
        {
            Directory.Delete(stale, recursive: true);
        }

        Xml.Save(assembly, Path.Combine(assembliesRoot, assemblyFolder, assemblyName + ".dll" + SourceLayout.DataXmlSuffix));
    }
}
