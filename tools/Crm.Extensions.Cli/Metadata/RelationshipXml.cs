using System;
using System.Xml.Linq;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>
/// One &lt;EntityRelationship&gt;. Ours get cascade settings chosen by the lookup's <see cref="CascadeRule"/>; the system ones
/// (owner_, user_, team_, business_unit_, organization_, lk_, TransactionCurrency_) are written the way exports write them.
/// </summary>
internal static class RelationshipXml
{
    public static XElement Write(Relationship relationship, Table referencing) =>
        relationship.IsCustom
            ? Custom(relationship, referencing.Ownership == Ownership.Organization, IsCustomizable(referencing))
            : System(relationship, referencing);

    /// <summary>The ledger's relationships follow its managed properties: a customer may not change how ledger rows cascade.</summary>
    public static bool IsCustomizable(Table referencing) => ManagedProperties.IsCustomizable(referencing);

    /// <summary>
    /// Shape of the platform's own relationships in real exports (Neamidea/Mini-CRM-Solution MiniCrmUnpackaged/Other/Relationships,
    /// microsoft/coe-starter-kit CenterofExcellenceCoreComponents/SolutionPackage/Other/Relationships): schema-name casing,
    /// NoCascade everywhere except Restrict on deleting a business unit or currency still in use, and no navigation roles.
    /// </summary>
    public static XElement System(Relationship relationship, Table referencing)
    {
        var column = referencing.Column(relationship.ReferencingAttribute);
        var delete = RestrictsDelete(relationship.Name) ? "Restrict" : "NoCascade";
        return new XElement("EntityRelationship", new XAttribute("Name", relationship.Name),
            new XElement("EntityRelationshipType", "OneToMany"),
            new XElement("IsCustomizable", "1"),
            new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
            new XElement("IsHierarchical", "0"),
            new XElement("ReferencingEntityName", referencing.SchemaName),
            new XElement("ReferencedEntityName", SolutionGenerator.SchemaNameOf(relationship.ReferencedEntity)),
            new XElement("CascadeAssign", "NoCascade"),
            new XElement("CascadeDelete", delete),
            new XElement("CascadeReparent", "NoCascade"),
            new XElement("CascadeShare", "NoCascade"),
            new XElement("CascadeUnshare", "NoCascade"),
            new XElement("ReferencingAttributeName", column.SchemaName),
            new XElement("RelationshipDescription", Xml.Labels("Descriptions", "Description", column.Description)));
    }

    /// <summary>The platform refuses to delete a business unit or a currency that rows still point to.</summary>
    public static bool RestrictsDelete(string systemRelationshipName) =>
        systemRelationshipName.StartsWith("business_unit_", StringComparison.Ordinal)
        || systemRelationshipName.StartsWith("TransactionCurrency_", StringComparison.Ordinal);

    private static XElement Custom(Relationship relationship, bool referencingIsOrganizationOwned, bool customizable)
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
            new XElement("IsCustomizable", Xml.Bit(customizable)),
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
