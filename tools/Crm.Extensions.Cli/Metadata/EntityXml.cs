using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Model;

namespace Crm.Extensions.Cli.Metadata;

/// <summary>Entities/&lt;Schema&gt;/Entity.xml: the table and its columns; forms, views and charts live in sub-folders.</summary>
internal static class EntityXml
{
    public static XElement Write(Table table)
    {
        var entity = new XElement("entity", new XAttribute("Name", table.SchemaName));
        if (!table.IsCustom)
        {
            // A standard table travels as a shell: only the columns we add are ours.
            entity.Add(new XAttribute("unmodified", "1"));
        }

        entity.Add(
            Xml.Labels("LocalizedNames", "LocalizedName", table.Display),
            Xml.Labels("LocalizedCollectionNames", "LocalizedCollectionName", table.Plural),
            Xml.Labels("Descriptions", "Description", table.Description),
            new XElement("attributes", (table.IsCustom ? table.Columns : table.CustomColumns).Select(c => AttributeXml.Write(table, c))));

        if (table.IsCustom)
        {
            var customizable = Xml.Bit(ManagedProperties.IsCustomizable(table));
            entity.Add(
                new XElement("EntitySetName", table.EntitySetName),
                new XElement("IsDuplicateCheckSupported", "0"),
                new XElement("IsBusinessProcessEnabled", "0"),
                new XElement("IsRequiredOffline", "0"),
                new XElement("IsInteractionCentricEnabled", "0"),
                new XElement("IsCollaboration", "0"),
                new XElement("AutoRouteToOwnerQueue", "0"),
                new XElement("IsConnectionsEnabled", "0"),
                new XElement("EntityColor"),
                new XElement("IsDocumentManagementEnabled", "0"),
                new XElement("AutoCreateAccessTeams", "0"),
                new XElement("IsOneNoteIntegrationEnabled", "0"),
                new XElement("IsKnowledgeManagementEnabled", "0"),
                new XElement("IsSLAEnabled", "0"),
                new XElement("IsDocumentRecommendationsEnabled", "0"),
                new XElement("IsBPFEntity", "0"),
                new XElement("OwnershipTypeMask", table.Ownership == Ownership.User ? "UserOwned" : "OrgOwned"),
                new XElement("IsAuditEnabled", "1"),
                new XElement("IsActivity", "0"),
                new XElement("ActivityTypeMask"),
                new XElement("IsActivityParty", "0"),
                new XElement("IsReplicated", "0"),
                new XElement("IsReplicationUserFiltered", "0"),
                new XElement("IsMailMergeEnabled", "0"),
                new XElement("IsVisibleInMobile", "0"),
                new XElement("IsVisibleInMobileClient", "1"),
                new XElement("IsReadOnlyInMobileClient", "0"),
                new XElement("IsOfflineInMobileClient", "0"),
                new XElement("DaysSinceRecordLastModified", "0"),
                new XElement("MobileOfflineFilters"),
                new XElement("IsMapiGridEnabled", "1"),
                new XElement("IsReadingPaneEnabled", "1"),
                new XElement("IsQuickCreateEnabled", Xml.Bit(table.QuickCreateColumns.Count > 0)),
                new XElement("SyncToExternalSearchIndex", "0"),
                new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
                new XElement("IsCustomizable", customizable),
                new XElement("IsRenameable", customizable),
                new XElement("IsMappable", customizable),
                new XElement("CanModifyAuditSettings", customizable),
                new XElement("CanModifyMobileVisibility", customizable),
                new XElement("CanModifyMobileClientVisibility", customizable),
                new XElement("CanModifyMobileClientReadOnly", customizable),
                new XElement("CanModifyMobileClientOffline", customizable),
                new XElement("CanModifyConnectionSettings", customizable),
                new XElement("CanModifyDuplicateDetectionSettings", customizable),
                new XElement("CanModifyMailMergeSettings", customizable),
                new XElement("CanModifyQueueSettings", customizable),
                new XElement("CanCreateAttributes", customizable),
                // Forms, views and charts stay the customer's, on the ledger too.
                new XElement("CanCreateForms", "1"),
                new XElement("CanCreateCharts", "1"),
                new XElement("CanCreateViews", "1"),
                new XElement("CanModifyAdditionalSettings", customizable),
                new XElement("CanEnableSyncToExternalSearchIndex", customizable),
                new XElement("EnforceStateTransitions", "0"),
                new XElement("CanChangeHierarchicalRelationship", "1"),
                new XElement("EntityHelpUrlEnabled", "0"),
                new XElement("ChangeTrackingEnabled", "1"),
                new XElement("CanChangeTrackingBeEnabled", "1"),
                new XElement("IsEnabledForExternalChannels", "0"));
        }

        if (table.Keys.Count > 0)
        {
            entity.Add(new XElement("EntityKeys", table.Keys.Select(key => new XElement("EntityKey",
                new XElement("Name", key.SchemaName),
                new XElement("LogicalName", key.SchemaName.ToLowerInvariant()),
                new XElement("IntroducedVersion", AttributeXml.IntroducedVersion),
                new XElement("IsCustomizable", "1"),
                Xml.Labels("displaynames", "displayname", key.Display),
                new XElement("EntityKeyAttributes", key.Columns.Select(c => new XElement("AttributeName", c)))))));
        }

        return new XElement("Entity",
            new XElement("Name", new XAttribute("LocalizedName", table.Display.En), new XAttribute("OriginalName", table.Display.En),
                table.SchemaName),
            new XElement("EntityInfo", entity),
            // A table that carries only columns has no form or view of ours: the schema wants none rather than empty ones.
            table.ColumnsOnly ? null : new XElement("FormXml"),
            table.ColumnsOnly ? null : new XElement("SavedQueries"),
            new XElement("RibbonDiffXml",
                new XElement("CustomActions"),
                new XElement("Templates", new XElement("RibbonTemplates", new XAttribute("Id", "Mscrm.Templates"))),
                new XElement("CommandDefinitions"),
                new XElement("RuleDefinitions", new XElement("TabDisplayRules"), new XElement("DisplayRules"), new XElement("EnableRules")),
                new XElement("LocLabels")));
    }
}
