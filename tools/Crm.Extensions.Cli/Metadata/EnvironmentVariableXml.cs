using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>environmentvariabledefinitions/&lt;schema&gt;/environmentvariabledefinition.xml, copied 1:1 into the zip.</summary>
internal static class EnvironmentVariableXml
{
    public static XElement Write(EnvironmentVariable variable) =>
        new("environmentvariabledefinition", new XAttribute("schemaname", variable.SchemaName),
            new XElement("defaultvalue", variable.DefaultValue),
            LocalizedText("description", variable.Description),
            LocalizedText("displayname", variable.Display),
            new XElement("introducedversion", AttributeXml.IntroducedVersion),
            new XElement("iscustomizable", "1"),
            new XElement("isrequired", "0"),
            new XElement("secretstore", "0"),
            new XElement("type", (int)variable.Type));

    private static XElement LocalizedText(string name, Label label) =>
        new(name, new XAttribute("default", label.En),
            Label.Languages.Select(
                language => new XElement("label", new XAttribute("description", label.For(language)),
                    new XAttribute("languagecode", language))));
}
