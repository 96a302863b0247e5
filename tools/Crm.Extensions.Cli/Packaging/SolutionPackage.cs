using System;
using System.Collections.Generic;
using System.Xml.Linq;

namespace Crm.Extensions.Cli.Packaging;

/// <summary>The content of a solution zip: the two manifests and every other entry, by zip path.</summary>
public sealed class SolutionPackage(XElement solution, XElement customizations, SortedDictionary<string, byte[]> files)
{
    public XElement Solution { get; } = solution;

    public XElement Customizations { get; } = customizations;

    /// <summary>Every entry besides the three root files, keyed by zip path without a leading slash.</summary>
    public SortedDictionary<string, byte[]> Files { get; } = files;

    public string UniqueName => Solution.Element("SolutionManifest")?.Element("UniqueName")?.Value ?? string.Empty;

    public string Version => Solution.Element("SolutionManifest")?.Element("Version")?.Value ?? string.Empty;

    public PackageType Type
        => Solution.Element("SolutionManifest")?.Element("Managed")?.Value == "1" ? PackageType.Managed : PackageType.Unmanaged;

    public static SortedDictionary<string, byte[]> NewFileMap() => new(StringComparer.Ordinal);
}
