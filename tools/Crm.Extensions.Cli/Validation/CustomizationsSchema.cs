using System.Collections.Generic;
using System.IO;
using System.Xml;
using System.Xml.Schema;
using Crm.Extensions.Cli.Metadata;

namespace Crm.Extensions.Cli.Validation;

/// <summary>
/// customizations.xml against CustomizationsSolution.xsd. The schemas use .NET-only regex syntax, so only XmlSchemaSet compiles them.
/// </summary>
public sealed class CustomizationsSchema
{
    private readonly XmlSchemaSet _schemas;

    public CustomizationsSchema(string schemaFolder)
    {
        _schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var errors = new List<string>();
        _schemas.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using (var reader = XmlReader.Create(Path.Combine(schemaFolder, SchemaLocator.RootSchema),
            new XmlReaderSettings { XmlResolver = new XmlUrlResolver(), DtdProcessing = DtdProcessing.Prohibit }))
        {
            _schemas.Add(null, reader);
        }

        _schemas.Compile();
        if (errors.Count > 0)
        {
            throw new SolutionException($"{SchemaLocator.RootSchema} did not compile: {string.Join("; ", errors)}");
        }
    }

    /// <summary>Every schema error with its line and position in the given bytes.</summary>
    public IReadOnlyList<string> Validate(byte[] customizationsXml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = _schemas,
            DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, e) => errors.Add(
            $"line {e.Exception.LineNumber}, position {e.Exception.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(customizationsXml), settings);
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (XmlException error)
        {
            errors.Add($"not well-formed: {error.Message}");
        }

        return errors;
    }
}
