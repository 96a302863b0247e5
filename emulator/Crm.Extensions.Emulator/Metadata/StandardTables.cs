using System;
using System.Xml.Linq;

namespace Crm.Extensions.Emulator.Metadata;

/// <summary>The standard tables the product touches, embedded in the Entity.xml format; a solution's own definition wins.</summary>
internal static class StandardTables
{
    public static void LoadInto(MetadataCatalog catalog)
    {
        using var stream = typeof(StandardTables).Assembly.GetManifestResourceStream("Crm.Extensions.Emulator.StandardTables.xml")
            ?? throw new InvalidOperationException("StandardTables.xml is not embedded in the emulator assembly.");
        foreach (var entity in XDocument.Load(stream).Root!.Elements("Entity"))
        {
            var table = EntityXmlReader.Read(entity);
            catalog.Tables.TryAdd(table.LogicalName, table);
        }
    }
}
