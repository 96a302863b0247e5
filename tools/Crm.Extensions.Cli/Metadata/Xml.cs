using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>Small builders and the one serializer every solution file goes through, so packing and unpacking are byte-stable.</summary>
public static class Xml
{
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private static readonly XmlWriterSettings Settings = new()
    {
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        OmitXmlDeclaration = false,
    };

    public static string Bit(bool value) => value ? "1" : "0";

    /// <summary>&lt;container&gt;&lt;item description languagecode/&gt;… for both languages.</summary>
    public static XElement Labels(string container, string item, Label label) =>
        new(container, Label.Languages.Select(language => new XElement(item,
            new XAttribute("description", label.For(language)),
            new XAttribute("languagecode", language))));

    public static XElement Element(string name, object? content) => new(name, content);

    public static byte[] ToBytes(XElement root)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            new XDocument(root).Save(writer);
        }

        return stream.ToArray();
    }

    public static void Save(XElement root, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, ToBytes(root));
    }

    /// <summary>Loads without insignificant whitespace, so re-serializing yields the canonical layout.</summary>
    public static XElement Load(string path)
    {
        try
        {
            return XDocument.Load(path, LoadOptions.None).Root ?? throw new SolutionException($"{path} has no root element.");
        }
        catch (XmlException error)
        {
            throw new SolutionException($"{path} is not well-formed XML: {error.Message}");
        }
    }

    public static XElement Load(Stream stream, string name)
    {
        try
        {
            return XDocument.Load(stream, LoadOptions.None).Root ?? throw new SolutionException($"{name} has no root element.");
        }
        catch (XmlException error)
        {
            throw new SolutionException($"{name} is not well-formed XML: {error.Message}");
        }
    }

    public static IEnumerable<XElement> Children(this XElement element, string name) => element.Elements(name);
}
