using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Crm.Extensions.Cli.Metadata;

namespace Crm.Extensions.Cli.Validation;

/// <summary>
/// Cross-file checks: every FileName points to an entry, and every plugin type a step or assembly names exists in the packed DLL.
/// </summary>
public static class PackageChecks
{
    private static readonly string[] FileReferenceElements = ["FileName", "XamlFileName", "JsonFileName"];

    public static IReadOnlyList<string> FileReferences(XElement customizations, IReadOnlyDictionary<string, byte[]> files) =>
        customizations.Descendants()
            .Where(e => FileReferenceElements.Contains(e.Name.LocalName) && !string.IsNullOrWhiteSpace(e.Value))
            .Where(e => !files.ContainsKey(e.Value.Trim().TrimStart('/')))
            .Select(e => $"{e.Value.Trim()} (in <{e.Parent?.Name.LocalName}>) is not an entry of the zip.")
            .ToList();

    public static IReadOnlyList<string> PluginTypes(XElement customizations, IReadOnlyDictionary<string, byte[]> files)
    {
        var errors = new List<string>();
        var typesByAssembly = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in customizations.Descendants("PluginAssembly"))
        {
            var name = AssemblyName(assembly.Attribute("FullName")?.Value);
            var fileName = assembly.Element("FileName")?.Value.Trim().TrimStart('/');
            if (fileName is null || !files.TryGetValue(fileName, out var bytes))
            {
                continue; // Reported by the FileName check.
            }

            var defined = TypeNames(bytes);
            typesByAssembly[name] = defined;
            foreach (var pluginType in assembly.Descendants("PluginType"))
            {
                var typeName = pluginType.Attribute("Name")?.Value ?? string.Empty;
                if (!defined.Contains(typeName))
                {
                    errors.Add($"{name} lists plugin type {typeName}, which the packed {fileName} does not define.");
                }
            }
        }

        var pluginTypeIds = customizations.Descendants("PluginType").Select(t => t.Attribute("PluginTypeId")?.Value)
            .Where(id => Guid.TryParse(id, out _)).Select(id => Guid.Parse(id!)).ToHashSet();
        foreach (var (entry, bytes) in files.Where(
            f => f.Key.StartsWith("customapis/", StringComparison.Ordinal) && f.Key.EndsWith("/customapi.xml", StringComparison.Ordinal)))
        {
            var api = Xml.Load(new MemoryStream(bytes), entry);
            var bound = api.Element("plugintypeid")?.Element("plugintypeid")?.Value;
            if (bound is not null && (!Guid.TryParse(bound, out var id) || !pluginTypeIds.Contains(id)))
            {
                errors.Add($"{entry} binds plugin type {bound}, which no packed assembly lists.");
            }
        }

        foreach (var step in customizations.Descendants("SdkMessageProcessingStep"))
        {
            var qualified = step.Element("PluginTypeName")?.Value ?? string.Empty;
            var comma = qualified.IndexOf(',', StringComparison.Ordinal);
            var typeName = comma < 0 ? qualified : qualified[..comma].Trim();
            var assemblyName = comma < 0 ? string.Empty : AssemblyName(qualified[(comma + 1)..]);
            if (!typesByAssembly.TryGetValue(assemblyName, out var types))
            {
                errors.Add($"step {step.Attribute("Name")?.Value} uses {qualified}, but no packed assembly is named {assemblyName}.");
            }
            else if (!types.Contains(typeName))
            {
                errors.Add($"step {step.Attribute("Name")?.Value} uses {typeName}, which {assemblyName} does not define.");
            }
        }

        return errors;
    }

    /// <summary>
    /// Every custom API that is not a function must name an execute privilege (customapi.xml's executeprivilegename): such an
    /// API may write, usually as SYSTEM, so without one any user who can sign in could call it. See solution/SECURITY.md.
    /// </summary>
    public static IReadOnlyList<string> CustomApiPrivileges(IReadOnlyDictionary<string, byte[]> files) =>
        files.Where(
            f => f.Key.StartsWith("customapis/", StringComparison.Ordinal) && f.Key.EndsWith("/customapi.xml", StringComparison.Ordinal))
            .Select(f => (Entry: f.Key, Api: Xml.Load(new MemoryStream(f.Value), f.Key)))
            .Where(
                a => a.Api.Element("isfunction")?.Value.Trim() != "1"
                && string.IsNullOrWhiteSpace(a.Api.Element("executeprivilegename")?.Value))
            .Select(a => $"{a.Entry}: custom API {a.Api.Attribute("uniquename")?.Value} may write but names no executeprivilegename, "
                + "so every user could call it. Name the privilege of a table that stands for the operation (prvCreate<table>).")
            .ToList();

    /// <summary>Reads type names from metadata only: the net462 DLL never loads into this process.</summary>
    public static HashSet<string> TypeNames(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var reader = pe.GetMetadataReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            var name = reader.GetString(type.Name);
            var declaring = type.GetDeclaringType();
            if (!declaring.IsNil)
            {
                continue;
            }

            var ns = reader.GetString(type.Namespace);
            names.Add(ns.Length == 0 ? name : $"{ns}.{name}");
        }

        return names;
    }

    private static string AssemblyName(string? fullName) => (fullName ?? string.Empty).Split(',')[0].Trim();
}
