using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace Crm.Extensions.Cli.Tests;

/// <summary>Reads the committed solution/src the way a customizer or the emulator sees it, independent of the generator's model.</summary>
public sealed class SolutionSource(string folder)
{
    public string Folder { get; } = folder;

    public XElement Entity(string logicalName)
    {
        var tableFolder = TableFolder(logicalName);
        return XElement.Load(Path.Combine(tableFolder, "Entity.xml"));
    }

    public string TableFolder(string logicalName) =>
        Directory.GetDirectories(Path.Combine(Folder, "Entities"))
            .SingleOrDefault(d => Path.GetFileName(d).Equals(logicalName, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"solution/src has no Entities folder for {logicalName}.");

    public XElement? Attribute(string table, string column) =>
        Entity(table).Descendants("attribute").SingleOrDefault(a => a.Element("LogicalName")?.Value == column);

    public IEnumerable<XElement> Views(string table)
    {
        var folder = Path.Combine(TableFolder(table), "SavedQueries");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.xml").Select(f => XElement.Load(f).Element("savedquery")!) : [];
    }

    public IEnumerable<string> FormTypes(string table)
    {
        var folder = Path.Combine(TableFolder(table), "FormXml");
        return Directory.Exists(folder)
            ? Directory.GetDirectories(folder).Where(d => Directory.GetFiles(d, "*.xml").Length > 0).Select(d => Path.GetFileName(d)) : [];
    }

    public static IReadOnlyDictionary<int, string> Labels(XElement? container) =>
        container?.Elements()
            .ToDictionary(e => int.Parse(e.Attribute("languagecode")!.Value, System.Globalization.CultureInfo.InvariantCulture),
                e => e.Attribute("description")!.Value)
        ?? new Dictionary<int, string>();
}
