using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace Crm.Extensions.Cli.Packaging;

/// <summary>The children of customizations.xml in the order the schema's xs:sequence demands.</summary>
internal static class CustomizationSections
{
    public static readonly string[] Order =
    [
        "Entities", "Roles", "Workflows", "FieldSecurityProfiles", "Templates", "RibbonDiffXml", "IsvConfig", "RelationshipRoles",
        "ConnectionRoles", "SiteMap", "EntityMaps", "EntityRelationships", "OrganizationSettings", "optionsets", "Reports", "RoutingRules",
        "ChannelPropertyGroups", "ConvertRules", "MobileOfflineProfiles", "Slas", "ChannelAccessProfiles", "ChannelAccessProfileRules",
        "Dashboards", "InteractionCentricDashboards", "Dialogs", "WebResources", "CustomControls", "SolutionPluginAssemblies",
        "SdkMessageProcessingSteps", "ServiceEndpoints", "AppModuleSiteMaps", "AppModules", "EntityDataProviders", "EntityDataSources",
        // connectionreferences is newer than the schema; exports write it just before Languages.
        "connectionreferences", "Languages", "GlobalSearchConfigurations", "StoredProcedures",
    ];

    /// <summary>
    /// Sections the SolutionPackager skeleton keeps even when empty; any other empty section is dropped (AppModules must not be empty).
    /// </summary>
    public static readonly HashSet<string> KeptWhenEmpty = new(StringComparer.Ordinal)
    {
        "Entities", "Roles", "Workflows", "FieldSecurityProfiles", "Templates", "EntityMaps", "EntityRelationships", "OrganizationSettings",
        "optionsets", "CustomControls", "EntityDataProviders", "Languages",
    };

    /// <summary>Puts the children into the named section, creating it at its schema position when the skeleton lacks it.</summary>
    public static void Fill(XElement customizations, string section, IEnumerable<XElement> children)
    {
        var items = children.ToList();
        var element = customizations.Element(section);
        if (element is null)
        {
            if (items.Count == 0)
            {
                return;
            }

            element = new XElement(section);
            var position = Array.IndexOf(Order, section);
            var next = customizations.Elements().FirstOrDefault(e => Array.IndexOf(Order, e.Name.LocalName) > position);
            if (next is null)
            {
                customizations.Add(element);
            }
            else
            {
                next.AddBeforeSelf(element);
            }
        }

        element.Add(items);
    }

    public static void DropEmptyOptionalSections(XElement customizations)
    {
        customizations.Elements().Where(e => !e.HasElements && !KeptWhenEmpty.Contains(e.Name.LocalName) && string.IsNullOrEmpty(e.Value))
            .Remove();
    }

    /// <summary>A copy without namespace declarations: the customizations root already declares xsi.</summary>
    public static XElement Detached(XElement element)
    {
        var copy = new XElement(element);
        copy.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
        return copy;
    }
}
