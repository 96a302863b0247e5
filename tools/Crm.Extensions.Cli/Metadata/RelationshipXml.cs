using System.Xml.Linq;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>One &lt;EntityRelationship&gt;, with cascade settings chosen by the lookup's <see cref="CascadeRule"/>.</summary>
internal static class RelationshipXml
{
    public static XElement Write(Relationship relationship, bool referencingIsOrganizationOwned)
    {
        var (assign, delete, share) = relationship.Cascade switch
        {
            // An organization-owned child has no owner to cascade to; only its deletion follows the parent.
            CascadeRule.Parental when referencingIsOrganizationOwned => ("NoCascade", "Cascade", "NoCascade"),
            CascadeRule.Parental => ("Cascade", "Cascade", "Cascade"),
            CascadeRule.Restrict => ("NoCascade", "Restrict", "NoCascade"),
            _ => ("NoCascade", "RemoveLink", "NoCascade"),
        };
        return new XElement("EntityRelationship", new XAttribute("Name", relationship.Name),
            new XElement("EntityRelationshipType", "OneToMany"),
            new XElement("IsCustomizable", "1"),
            new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
            new XElement("IsHierarchical", "0"),
            new XElement("ReferencingEntityName", relationship.ReferencingEntity),
            new XElement("ReferencedEntityName", relationship.ReferencedEntity),
            new XElement("CascadeAssign", assign),
            new XElement("CascadeDelete", delete),
            new XElement("CascadeReparent", assign),
            new XElement("CascadeShare", share),
            new XElement("CascadeUnshare", share),
            new XElement("CascadeRollupView", "NoCascade"),
            new XElement("IsValidForAdvancedFind", "1"),
            new XElement("ReferencingAttributeName", relationship.ReferencingAttribute),
            new XElement("RelationshipDescription", new XElement("Descriptions")),
            new XElement("EntityRelationshipRoles",
                new XElement("EntityRelationshipRole",
                    new XElement("NavPaneDisplayOption", "UseCollectionName"),
                    new XElement("NavPaneArea", "Details"),
                    new XElement("NavPaneOrder", "10000"),
                    new XElement("NavigationPropertyName", relationship.ReferencingAttribute),
                    new XElement("RelationshipRoleType", "1")),
                new XElement("EntityRelationshipRole",
                    new XElement("NavigationPropertyName", relationship.Name),
                    new XElement("RelationshipRoleType", "0"))));
    }
}
