using System;
using System.Xml.Linq;

namespace Crm.Extensions.Emulator.Metadata;

/// <summary>
/// The standard tables the product touches, embedded in the Entity.xml format, and the platform relationships that matter
/// to queries (the hierarchical ones). A solution's partial definition of a standard table is completed with these columns.
/// </summary>
internal static class StandardTables
{
    public static void LoadInto(MetadataCatalog catalog)
    {
        using var stream = typeof(StandardTables).Assembly.GetManifestResourceStream("Crm.Extensions.Emulator.StandardTables.xml")
            ?? throw new InvalidOperationException("StandardTables.xml is not embedded in the emulator assembly.");
        var document = XDocument.Load(stream);
        foreach (var entity in document.Root!.Elements("Entity"))
        {
            var table = EntityXmlReader.Read(entity);
            if (catalog.Tables.TryGetValue(table.LogicalName, out var fromSolution)) fromSolution.MergeFrom(table);
            else catalog.Tables[table.LogicalName] = table;
        }

        foreach (var relationship in document.Root.Elements("EntityRelationships").Elements("EntityRelationship"))
        {
            var name = (string?)relationship.Attribute("Name");
            if (name is not null && !catalog.Relationships.ContainsKey(name)) SolutionLoader.AddRelationship(catalog, relationship);
        }
    }
}
