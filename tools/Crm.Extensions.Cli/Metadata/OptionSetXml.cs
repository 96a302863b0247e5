using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>Choices: global option set files, local choices inside their attribute, and the yes/no and state/status sets.</summary>
internal static class OptionSetXml
{
    public static XElement Write(Choice choice) =>
        new("optionset", new XAttribute("Name", choice.Name), new XAttribute("localizedName", choice.Display.En),
            new XAttribute("description", choice.Description.En),
            new XElement("OptionSetType", "picklist"),
            new XElement("IsGlobal", Xml.Bit(choice.IsGlobal)),
            new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
            new XElement("IsCustomizable", "1"),
            new XElement("ExternalTypeName"),
            Xml.Labels("displaynames", "displayname", choice.Display),
            Xml.Labels("Descriptions", "Description", choice.Description),
            new XElement("options", choice.Options.Select(option =>
                new XElement("option", new XAttribute("value", option.Value),
                    Xml.Labels("labels", "label", option.Label)))));

    public static XElement YesNo(string name, Column column) =>
        new("optionset", new XAttribute("Name", name),
            new XElement("OptionSetType", "bit"),
            new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
            new XElement("IsCustomizable", "1"),
            Xml.Labels("displaynames", "displayname", column.Display),
            Xml.Labels("Descriptions", "Description", column.Description),
            new XElement("options",
                new XElement("option", new XAttribute("value", 0), Xml.Labels("labels", "label", Label.Of("No", "No"))),
                new XElement("option", new XAttribute("value", 1), Xml.Labels("labels", "label", Label.Of("Yes", "Sí")))));

    public static XElement State(string name, Column column) =>
        new("optionset", new XAttribute("Name", name),
            new XElement("OptionSetType", "state"),
            new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
            new XElement("IsCustomizable", "1"),
            Xml.Labels("displaynames", "displayname", column.Display),
            Xml.Labels("Descriptions", "Description", column.Description),
            new XElement("states",
                new XElement("state", new XAttribute("value", 0), new XAttribute("defaultstatus", 1),
                    new XAttribute("invariantname", "Active"),
                    Xml.Labels("labels", "label", Label.Of("Active", "Activo"))),
                new XElement("state", new XAttribute("value", 1), new XAttribute("defaultstatus", 2),
                    new XAttribute("invariantname", "Inactive"),
                    Xml.Labels("labels", "label", Label.Of("Inactive", "Inactivo")))));

    public static XElement Status(string name, Column column) =>
        new("optionset", new XAttribute("Name", name),
            new XElement("OptionSetType", "status"),
            new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
            new XElement("IsCustomizable", "1"),
            Xml.Labels("displaynames", "displayname", column.Display),
            Xml.Labels("Descriptions", "Description", column.Description),
            new XElement("statuses",
                new XElement("status", new XAttribute("value", 1), new XAttribute("state", 0),
                    Xml.Labels("labels", "label", Label.Of("Active", "Activo"))),
                new XElement("status", new XAttribute("value", 2), new XAttribute("state", 1),
                    Xml.Labels("labels", "label", Label.Of("Inactive", "Inactivo")))));
}
