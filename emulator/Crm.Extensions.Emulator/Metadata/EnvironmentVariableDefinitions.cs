using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Metadata;

/// <summary>
/// environmentvariabledefinitions/&lt;schemaname&gt;/environmentvariabledefinition.xml as the rows an import creates:
/// one environmentvariabledefinition per file (schemaname, defaultvalue, type). Values are environment-specific and
/// never part of the solution, so a test adds environmentvariablevalue rows itself.
/// </summary>
public static class EnvironmentVariableDefinitions
{
    public const string DefinitionTable = "environmentvariabledefinition";
    public const string Folder = "environmentvariabledefinitions";
    private const string FileName = "environmentvariabledefinition.xml";

    public static IReadOnlyList<Entity> Read(string solutionFolder)
    {
        var folder = Path.Combine(solutionFolder, Folder);
        if (!Directory.Exists(folder)) return Array.Empty<Entity>();

        return Directory.EnumerateFiles(folder, FileName, SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => ToRow(XDocument.Load(f).Root!, f))
            .ToList();
    }

    private static Entity ToRow(XElement definition, string file)
    {
        var schemaName = (string?)definition.Attribute("schemaname")
            ?? throw new InvalidOperationException($"{file} has no schemaname attribute.");
        var row = new Entity(DefinitionTable) { ["schemaname"] = schemaName };
        var defaultValue = EntityXmlReader.Text(definition, "defaultvalue");
        if (defaultValue is not null) row["defaultvalue"] = defaultValue;
        if (int.TryParse(EntityXmlReader.Text(definition, "type"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var type))
        {
            row["type"] = new OptionSetValue(type);
        }

        return row;
    }
}
