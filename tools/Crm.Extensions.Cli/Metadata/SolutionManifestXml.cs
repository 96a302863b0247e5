using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>Other/Solution.xml: the manifest. Managed is 2 ("both") in source; pack writes 0 or 1.</summary>
internal static class SolutionManifestXml
{
    public const int ManagedBoth = 2;

    public sealed record RootComponent(int Type, string? SchemaName, System.Guid? Id, int Behavior = 0);

    /// <summary>A component of ours (a relationship, type 10, or a step, type 92) that needs a table the solution does not carry.</summary>
    public sealed record Dependency(RequiredTable Required, int DependentType, string? DependentSchemaName, System.Guid? DependentId,
        string DependentDisplayName);

    public static XElement Write(IEnumerable<RootComponent> components, IEnumerable<Dependency> dependencies)
    {
        var manifest = new XElement("SolutionManifest",
            new XElement("UniqueName", CrmExtensionsModel.SolutionUniqueName),
            Xml.Labels("LocalizedNames", "LocalizedName", CrmExtensionsModel.SolutionName),
            Xml.Labels("Descriptions", "Description", CrmExtensionsModel.SolutionDescription),
            new XElement("Version", CrmExtensionsModel.Version),
            new XElement("Managed", ManagedBoth),
            new XElement("Publisher",
                new XElement("UniqueName", CrmExtensionsModel.PublisherUniqueName),
                Xml.Labels("LocalizedNames", "LocalizedName", CrmExtensionsModel.PublisherName),
                Xml.Labels("Descriptions", "Description", CrmExtensionsModel.SolutionDescription),
                Nil("EMailAddress"),
                Nil("SupportingWebsiteUrl"),
                new XElement("CustomizationPrefix", CrmExtensionsModel.PublisherPrefix),
                new XElement("CustomizationOptionValuePrefix", CrmExtensionsModel.OptionValuePrefix),
                new XElement("Addresses", Address(1), Address(2))),
            RootComponents(components),
            MissingDependencies(dependencies));
        return new XElement("ImportExportXml",
            new XAttribute("version", "9.2.24054.207"), new XAttribute("SolutionPackageVersion", "9.2"),
            new XAttribute("languagecode", Label.English),
            new XAttribute("generatedBy", "CrmLive"), new XAttribute(XNamespace.Xmlns + "xsi", Xml.Xsi),
            manifest);
    }

    public static XElement RootComponents(IEnumerable<RootComponent> components)
    {
        var root = new XElement("RootComponents");
        foreach (var component in components)
        {
            root.Add(new XElement("RootComponent", new XAttribute("type", component.Type),
                component.Id is { } id ? new XAttribute("id", id.Braced()) : null,
                component.SchemaName is { } name ? new XAttribute("schemaName", name) : null,
                new XAttribute("behavior", component.Behavior)));
        }

        return root;
    }

    /// <summary>
    /// Required/Dependent pairs in the shape exports write them (Neamidea/Mini-CRM-Solution MiniCrmUnpackaged/Other/Solution.xml):
    /// the required table by schema name with its display name and solution, the dependent by schema name or id.
    /// </summary>
    public static XElement MissingDependencies(IEnumerable<Dependency> dependencies) =>
        new("MissingDependencies", dependencies.Select(d => new XElement("MissingDependency",
            new XElement("Required", new XAttribute("type", 1), new XAttribute("schemaName", d.Required.LogicalName),
                new XAttribute("displayName", d.Required.DisplayName), new XAttribute("solution", d.Required.Solution)),
            new XElement("Dependent", new XAttribute("type", d.DependentType),
                d.DependentSchemaName is { } name ? new XAttribute("schemaName", name) : null,
                d.DependentId is { } id ? new XAttribute("id", id.Braced()) : null,
                new XAttribute("displayName", d.DependentDisplayName)))));

    private static XElement Nil(string name) => new(name, new XAttribute(Xml.Xsi + "nil", "true"));

    private static XElement Address(int number) =>
        new("Address",
            new XElement("AddressNumber", number),
            new XElement("AddressTypeCode", 1),
            Nil("City"), Nil("County"), Nil("Country"), Nil("Fax"), Nil("FreightTermsCode"), Nil("ImportSequenceNumber"),
            Nil("Latitude"), Nil("Line1"), Nil("Line2"), Nil("Line3"), Nil("Longitude"), Nil("Name"), Nil("PostalCode"),
            Nil("PostOfficeBox"), Nil("PrimaryContactName"), new XElement("ShippingMethodCode", 1), Nil("StateOrProvince"),
            Nil("Telephone1"), Nil("Telephone2"), Nil("Telephone3"), Nil("TimeZoneRuleVersionNumber"), Nil("UPSZone"),
            Nil("UTCOffset"), Nil("UTCConversionTimeZoneCode"));
}
