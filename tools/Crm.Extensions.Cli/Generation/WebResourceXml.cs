using System;
using System.Xml.Linq;
using Crm.Extensions.Cli.Metadata;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Generation;

/// <summary>
/// WebResources/&lt;name&gt;.data.xml in the order of the schema's webresourcetype. The schema has one DisplayName, in the base
/// language (1033); a web resource has no localized names, so the Spanish name stays in the model and no Description is written
/// (exports write Description only when the maker typed one).
/// </summary>
internal static class WebResourceXml
{
    public static Guid Id(WebResource webResource) => DeterministicGuid.Create($"webresource:{webResource.Name}");

    public static string DataFile(WebResource webResource) => webResource.FileName.TrimStart('/') + Packaging.SourceLayout.DataXmlSuffix;

    public static XElement Write(WebResource webResource) =>
        new("WebResource",
            new XElement("WebResourceId", Id(webResource).Braced()),
            new XElement("Name", webResource.Name),
            new XElement("DisplayName", webResource.Display.En),
            new XElement("LanguageCode", Label.English),
            new XElement("WebResourceType", (int)webResource.Kind),
            new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
            new XElement("IsEnabledForMobileClient", "0"),
            new XElement("IsAvailableForMobileOffline", "0"),
            new XElement("IsCustomizable", Xml.Bit(ManagedProperties.WebResources)),
            new XElement("CanBeDeleted", "1"),
            new XElement("IsHidden", "0"),
            new XElement("FileName", webResource.FileName));
}
